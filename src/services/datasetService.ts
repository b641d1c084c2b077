// What the commands and the reuse editor may do with datasets: list them for a pick,
// resolve a pasted slug or link, and read the summary a hover shows. It chooses the
// field masks.
import type { Dataset } from '../api/models';
import { isObjectId } from '../api/ids';
import type { ClientSource } from './reuseService';

/** A dataset as a pick names it. */
const DATASET_PICK_MASK = 'id,title,slug,organization{id,name}';
const DATASET_REF_MASK = 'id,title';

export class DatasetService {
  constructor(private readonly session: ClientSource) {}

  /** The user's datasets and their organizations', for a pick. */
  listForPick(): Promise<Dataset[]> {
    return this.session.client.listOrgDatasets({ fields: DATASET_PICK_MASK });
  }

  /** The id of a dataset named by id, slug or link target. */
  async idOf(idOrSlug: string): Promise<string> {
    return isObjectId(idOrSlug) ? idOrSlug : (await this.session.client.getDataset(idOrSlug, { fields: DATASET_REF_MASK })).id;
  }
}
