import { childrenOf, type Region, skillSearchTerms } from '@laowu/domain';

/**
 * Synonyms for job search, generated from the reference data rather than listed by hand:
 * - each skill's name and colloquial keywords form one group of equivalents (电焊 ⇄ 焊工 ⇄ 焊接);
 * - each region's full name also finds its short name (昭觉县 → 昭觉, 深圳市 → 深圳). One way
 *   only: the short name already finds the full one (its characters stand side by side in it).
 * The rules are in the Solr format both engines read for a `synonym_graph` filter.
 */
export interface SynonymTable {
  /** Equivalent terms, one array per skill. */
  readonly groups: readonly (readonly string[])[];
  /** [full name, short name] pairs of regions. */
  readonly shortNames: readonly (readonly [string, string])[];
}

/** 油漆工（建筑） → 油漆工: a qualifier in brackets is not what anyone types. */
function plainTerm(term: string): string {
  return term.replace(/[（(][^）)]*[）)]/g, '').trim();
}

/** A term the synonym rules can carry: two characters at least (one matches too much), no rule syntax. */
function usableTerm(term: string): boolean {
  return [...term].length >= 2 && !/[,=>\s\\]/.test(term);
}

/**
 * One group per skill (its name and keywords). A term two skills share would merge their groups
 * (车工 is a lathe trade; 车工（服装） a sewing one): it stays with the skill it names, and is
 * dropped where it is only a keyword of several. Groups left with a single term are dropped.
 */
export function skillSynonymGroups(skills: readonly { code: string; terms: readonly string[] }[] = skillSearchTerms()): string[][] {
  const plain = skills.map((skill) => ({ name: plainTerm(skill.terms[0] ?? ''), terms: [...new Set(skill.terms.map(plainTerm).filter(usableTerm))] }));
  const owners = new Map<string, number>();
  const namedBy = new Map<string, number>();
  plain.forEach((skill) => {
    skill.terms.forEach((term) => owners.set(term, (owners.get(term) ?? 0) + 1));
    namedBy.set(skill.name, (namedBy.get(skill.name) ?? 0) + 1);
  });
  const belongs = (term: string, skill: { name: string }) => (namedBy.get(term) === 1 ? term === skill.name : owners.get(term) === 1);
  return plain.map((skill) => skill.terms.filter((term) => belongs(term, skill))).filter((group) => group.length >= 2);
}

/** Ethnic groups named in autonomous regions' names (自治区/州/县/旗 and 民族区), longest first. */
const ETHNIC_GROUPS = [
  '维吾尔', '蒙古', '回', '藏', '壮', '满', '朝鲜', '土家', '苗', '侗', '瑶', '黎', '彝', '羌', '仡佬', '布依', '水', '哈尼',
  '傣', '拉祜', '佤', '布朗', '纳西', '白', '景颇', '傈僳', '独龙', '怒', '普米', '裕固', '哈萨克', '东乡', '保安', '撒拉', '土',
  '达斡尔', '鄂温克', '鄂伦春', '畲', '仫佬', '毛南', '锡伯', '塔吉克', '柯尔克孜', '各',
].sort((a, b) => b.length - a.length);
const ETHNIC_SUFFIX = new RegExp(`(?:${ETHNIC_GROUPS.join('|')})族?$`);
const ADMINISTRATIVE_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|林区|省|市|县|区|盟|旗)$/;

/**
 * The name people use for a region: 昭觉县 → 昭觉, 凉山彝族自治州 → 凉山, 新疆维吾尔自治区 → 新疆,
 * 管城回族区 → 管城. Undefined when nothing is left to shorten, or less than two characters would
 * be (赵县 → 赵, 城区 → 城 match far too much), or for the synthetic 市辖区/市辖县 levels.
 */
export function regionShortName(name: string): string | undefined {
  if (/市辖[区县]$/.test(name)) return undefined;
  let short = name.replace(ADMINISTRATIVE_SUFFIX, '');
  for (let next = short.replace(ETHNIC_SUFFIX, ''); next !== short && [...next].length >= 2; next = short.replace(ETHNIC_SUFFIX, '')) short = next;
  return short !== name && [...short].length >= 2 ? short : undefined;
}

function allRegions(parent?: string): Region[] {
  return childrenOf(parent).flatMap((region) => [region, ...allRegions(region.code)]);
}

/**
 * [full, short] for each region name whose short name is its own: a short name shared by regions
 * of different names (朝阳区/朝阳市/朝阳县 → 朝阳; 吉林省/吉林市; 河南蒙古族自治县 → 河南, a
 * province) would make a search for one find the others, so it is left out.
 */
export function regionShortNames(regions: readonly Pick<Region, 'name'>[] = allRegions()): [string, string][] {
  const fullNamesOf = new Map<string, Set<string>>();
  for (const { name } of regions) {
    const short = regionShortName(name);
    if (short) fullNamesOf.set(short, (fullNamesOf.get(short) ?? new Set()).add(name));
  }
  return [...fullNamesOf].filter(([, names]) => names.size === 1).map(([short, names]) => [[...names][0], short]);
}

export function synonymRules(table: SynonymTable): string[] {
  return [...table.groups.map((group) => group.join(', ')), ...table.shortNames.map(([full, short]) => `${full} => ${full}, ${short}`)];
}

let generated: SynonymTable | undefined;

/** The table from this release's reference data, built once. */
export function searchSynonyms(): SynonymTable {
  generated ??= { groups: skillSynonymGroups(), shortNames: regionShortNames() };
  return generated;
}

/**
 * The words a query word also finds through one synonym: a group term inside it replaced by each
 * of its equivalents (电焊 → 焊工, 焊接 …; 招电焊 → 招焊工 …), a full region name inside it by the
 * short one (昭觉县 → 昭觉). Used to say which word of a job matched (reasons).
 */
export function synonymVariants(word: string, table: SynonymTable = searchSynonyms()): { variant: string; via: string }[] {
  const variants = new Map<string, string>();
  for (const group of table.groups) {
    for (const term of group) {
      if (!word.includes(term)) continue;
      for (const other of group) if (other !== term) variants.set(word.replace(term, other), other);
    }
  }
  for (const [full, short] of table.shortNames) if (word.includes(full)) variants.set(word.replace(full, short), short);
  variants.delete(word);
  return [...variants].map(([variant, via]) => ({ variant, via }));
}
