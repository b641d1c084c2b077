// What the commands and the editors may do with datasets and their resources: list
// them for a pick, resolve a pasted slug or link, create, delete and restore, archive,
// change visibility, upload files and add links. It chooses the field masks and
// announces every change it made (the views and open documents follow).
import * as vscode from 'vscode';
import type { Dataset, DatasetPatch, NewDataset, NewRemoteResource, Resource } from '../api/models';
import type { ApiClient, UploadOptions } from '../api/client';
import type { UploadSource } from '../api/multipart';
import { isObjectId } from '../api/ids';
import type { ClientSource } from './reuseService';

/** A dataset as a pick names it. */
const DATASET_PICK_MASK = 'id,title,slug,deleted,private,archived,organization{id,name}';
const DATASET_REF_MASK = 'id,title,slug';
/** The fields a dataset PUT clears when they are absent. */
const DATASET_CLEARED_MASK = 'id,tags,temporal_coverage';
const DATASET_RESOURCES_MASK = 'id,title,slug,resources{id,title,format,filetype,filesize}';

/** What changed: a dataset (its id), or one of its resources too. */
export interface DatasetChange {
  id: string | undefined;
  resourceId?: string;
}

export class DatasetService implements vscode.Disposable {
  readonly #emitter = new vscode.EventEmitter<DatasetChange>();
  /** A dataset (or one of its resources) this service changed on data.gouv.fr; id undefined: a new one. */
  readonly onDidChange = this.#emitter.event;

  readonly #session: ClientSource;

  constructor(session: ClientSource) {
    this.#session = session;
  }

  /** The client of the session's current identity, looked up at each call. */
  get #client(): ApiClient {
    return this.#session.client;
  }

  /** The user's datasets and their organizations', for a pick. */
  listForPick(): Promise<Dataset[]> {
    return this.#client.listOrgDatasets({ fields: DATASET_PICK_MASK });
  }

  /** Id, slug and title of a dataset named by id or slug. */
  reference(idOrSlug: string): Promise<Dataset> {
    return this.#client.getDataset(idOrSlug, { fields: DATASET_REF_MASK });
  }

  /** The id of a dataset named by id, slug or link target. */
  async idOf(idOrSlug: string): Promise<string> {
    return isObjectId(idOrSlug) ? idOrSlug : (await this.reference(idOrSlug)).id;
  }

  async title(id: string): Promise<string> {
    return (await this.reference(id)).title ?? id;
  }

  /** The dataset's resources (title, format, size), for a pick. */
  async resources(id: string): Promise<{ dataset: Dataset; resources: Resource[] }> {
    const dataset = await this.#client.getDataset(id, { fields: DATASET_RESOURCES_MASK });
    return { dataset, resources: dataset.resources ?? [] };
  }

  async resourceTitle(id: string, resourceId: string): Promise<string> {
    const resource = await this.#client.getResource(id, resourceId, { fields: 'id,title' });
    return resource.title ?? resourceId;
  }

  async create(dataset: NewDataset): Promise<Dataset> {
    const created = await this.#client.createDataset(dataset);
    this.#emitter.fire({ id: undefined });
    return created;
  }

  /**
   * A PUT of a few fields. udata's DatasetForm clears `tags` and `temporal_coverage`
   * when they are absent (opendatateam/udata#2468), so they are read just before and
   * sent back as they are: archiving a dataset must not lose its keywords.
   */
  async update(id: string, patch: DatasetPatch): Promise<Dataset> {
    const client = this.#client;
    const body: DatasetPatch = { ...patch };
    if (!('tags' in body) || !('temporal_coverage' in body)) {
      const current = await client.getDataset(id, { fields: DATASET_CLEARED_MASK });
      if (!('tags' in body)) body.tags = current.tags ?? [];
      if (!('temporal_coverage' in body)) body.temporal_coverage = current.temporal_coverage?.start ? current.temporal_coverage : null;
    }
    const dataset = await client.updateDataset(id, body);
    this.#emitter.fire({ id });
    return dataset;
  }

  restore(id: string): Promise<Dataset> {
    return this.update(id, { deleted: null });
  }

  async delete(id: string): Promise<void> {
    await this.#client.deleteDataset(id);
    this.#emitter.fire({ id });
  }

  async upload(id: string, file: UploadSource, call: UploadOptions): Promise<Resource> {
    try {
      return await this.#client.uploadResource(id, file, call);
    } finally {
      // Even a failed upload may have changed something: the views ask again.
      this.#emitter.fire({ id });
    }
  }

  async replaceFile(id: string, resourceId: string, file: UploadSource, call: UploadOptions): Promise<Resource> {
    try {
      return await this.#client.replaceResourceFile(id, resourceId, file, call);
    } finally {
      this.#emitter.fire({ id, resourceId });
    }
  }

  async addRemoteResource(id: string, resource: NewRemoteResource): Promise<Resource> {
    const created = await this.#client.createRemoteResource(id, resource);
    this.#emitter.fire({ id });
    return created;
  }

  async deleteResource(id: string, resourceId: string): Promise<void> {
    await this.#client.deleteResource(id, resourceId);
    this.#emitter.fire({ id, resourceId });
  }

  dispose(): void {
    this.#emitter.dispose();
  }
}
