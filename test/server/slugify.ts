// udata slugifies titles and tags the same way (python-slugify, awesome-slugify): lower
// case, accents dropped and a few letters spelt out as unidecode does, anything else than
// letters and digits becomes a single dash.
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  µ: 'u',
  þ: 'th',
  ð: 'd',
};

/** What unidecode does to Latin text: accents dropped, a few letters spelt out. */
export function transliterate(text: string): string {
  return text
    .replace(/[ßæÆœŒøØđĐłŁµþð]/g, (char) => TRANSLITERATIONS[char])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

export function slugify(text: string): string {
  return transliterate(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
