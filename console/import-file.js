// Reading a station's worker list (.xlsx through ExcelJS, or .csv) in the browser, recognising its
// columns by their usual Chinese headers, and turning its rows into POST /v1/workers/bulk rows.
// Nothing leaves the browser but those rows.
import { loadVendorScript } from './dom.js';

/** The fields a column can fill, with the headers that name them (compared without spaces, *, brackets). */
export const IMPORT_FIELDS = {
  idNumber: ['身份证号码', '身份证号', '公民身份号码', '身份证', '证件号码', 'idnumber'],
  name: ['姓名', '名字', 'name'],
  phone: ['手机号码', '手机号', '联系电话', '手机', '电话', '联系方式', 'phone', 'mobile'],
  skills: ['技能', '职业技能', '技能特长', '专业技能', 'skills'],
  homeRegionCode: ['户籍地区划代码', '户籍地代码', '户籍地', 'homeregioncode'],
  residenceRegionCode: ['常住地区划代码', '常住地代码', '常住地', 'residenceregioncode'],
};
export const REQUIRED_FIELDS = ['idNumber', 'name', 'phone'];

function normaliseHeader(text) {
  return String(text ?? '').toLowerCase().replace(/[\s*＊()（）[\]【】:：]/g, '');
}

/** Column index per field, from the header row (the first header that names a field wins). */
export function recogniseColumns(header) {
  const mapping = {};
  const names = header.map(normaliseHeader);
  for (const [fieldName, synonyms] of Object.entries(IMPORT_FIELDS)) {
    const index = names.findIndex((name, i) => synonyms.includes(name) && !Object.values(mapping).includes(i));
    if (index >= 0) mapping[fieldName] = index;
  }
  return mapping;
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF) as rows of strings. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ',') endCell();
    else if (ch === '\n') endRow();
    else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) endRow();
  return rows;
}

/** A CSV file's text: UTF-8 (with or without BOM), else GB 18030 as Excel saves it on Chinese Windows. */
function decodeCsv(buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

async function readXlsx(buffer) {
  const ExcelJS = await loadVendorScript('exceljs.min.js', 'ExcelJS');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const sheet = workbook.worksheets[0];
  const rows = [];
  // cell.text: what Excel shows (an 18-digit number typed as a number would have lost digits as a value).
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1).text);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** The file's rows (the first is the header), each an array of trimmed strings. */
export async function readRows(file) {
  const buffer = await file.arrayBuffer();
  const rows = /\.csv$/i.test(file.name) ? parseCsv(decodeCsv(buffer)) : await readXlsx(buffer);
  return rows.map((row) => row.map((cell) => String(cell ?? '').trim()));
}

/** "焊工:3、电工" → [{ name: '焊工', level: 3 }, { name: '电工', level: 1 }]: a level 1–5 after the name, else 1. */
export function parseSkills(text) {
  return String(text ?? '')
    .split(/[,，、;；/|\n]+/)
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const match = /^(.+?)\s*(?:[:：]|\s)\s*([1-5])\s*级?$/.exec(item) ?? /^(.+?)([1-5])级$/.exec(item);
      return match ? { name: match[1].trim(), level: Number(match[2]) } : { name: item, level: 1 };
    });
}

/**
 * The data rows (after the header, empty ones skipped) as { rowNumber, worker }: rowNumber is the
 * row as the spreadsheet numbers it; `defaults` fills what the file leaves out; `skillCode` turns
 * a skill's name into its taxonomy code (an unknown name is sent as it is, for the API to refuse).
 */
export function toWorkers(rows, mapping, defaults, skillCode) {
  const out = [];
  rows.slice(1).forEach((row, i) => {
    if (!row.some(Boolean)) return;
    const cell = (fieldName) => (mapping[fieldName] === undefined ? '' : row[mapping[fieldName]] ?? '');
    const residence = cell('residenceRegionCode') || defaults.regionCode;
    const worker = {
      idNumber: cell('idNumber').toUpperCase(),
      name: cell('name'),
      phone: cell('phone').replace(/[\s-]/g, ''),
      homeRegionCode: cell('homeRegionCode') || defaults.regionCode,
      residenceRegionCode: residence,
      stationId: defaults.stationId,
      skills: parseSkills(cell('skills')).map(({ name, level }) => ({ code: skillCode(name), level })),
    };
    // The station's own point only for workers living in its county; elsewhere the API takes the county's centre.
    if (defaults.location && residence === defaults.regionCode) worker.location = defaults.location;
    out.push({ rowNumber: i + 2, worker });
  });
  return out;
}
