// Importing a station's worker list (#/import): a .xlsx or .csv read in the browser, the columns
// mapped (recognised from their headers, changeable), a dry run of POST /v1/workers/bulk listing
// each bad row with its row number and why, then the import, 1,000 rows a request (the API's
// limit), with a summary: created, already registered, failed.
import { getStation, principal, registerWorkersBulk, skills } from '../api.js';
import { clear, errorBox, field, h, signedOutBox } from '../dom.js';
import { t } from '../i18n.js';
import { IMPORT_FIELDS, parseSkills, readRows, recogniseColumns, REQUIRED_FIELDS, toWorkers } from '../import-file.js';

const CHUNK = 1000;
const BAD = new Set(['invalid', 'forbidden', 'failed']);

export function render(main) {
  const who = principal();
  if (!who) {
    main.append(signedOutBox());
    return;
  }
  const fileInput = h('input', { id: 'import-file', type: 'file', accept: '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv' });
  const mappingBox = h('div', { id: 'import-mapping' });
  const outcome = h('div', { id: 'import-outcome', 'aria-live': 'polite' });
  let alive = true;

  fileInput.addEventListener('change', async () => {
    const [file] = fileInput.files;
    clear(mappingBox);
    clear(outcome);
    if (!file) return;
    clear(mappingBox, h('p.muted', t('import.reading')));
    try {
      const rows = await readRows(file);
      if (alive) clear(mappingBox, mappingForm(rows, who, outcome));
    } catch (error) {
      clear(mappingBox, errorBox(error));
    }
  });

  main.append(
    h('h2', t('import.title')),
    h('section.card', h('p.muted', t('import.intro', { region: who.region })), field(t('import.file'), fileInput)),
    mappingBox,
    outcome,
  );
  return () => {
    alive = false;
  };
}

/** Step 2: which column fills which field, then the dry run. */
function mappingForm(rows, who, outcome) {
  const header = rows[0] ?? [];
  const recognised = recogniseColumns(header);
  const selects = Object.fromEntries(
    Object.keys(IMPORT_FIELDS).map((name) => [
      name,
      h(
        'select',
        { id: `map-${name}`, name, required: REQUIRED_FIELDS.includes(name) },
        h('option', { value: '' }, t('import.noColumn')),
        header.map((text, i) => h('option', { value: String(i), selected: recognised[name] === i }, text || t('import.column', { n: i + 1 }))),
      ),
    ]),
  );
  const mapping = () => Object.fromEntries(Object.entries(selects).filter(([, s]) => s.value !== '').map(([name, s]) => [name, Number(s.value)]));
  const preview = h('button.primary', { type: 'submit', id: 'import-preview' }, t('import.preview'));
  const onSubmit = async (event) => {
    event.preventDefault();
    preview.disabled = true;
    try {
      await dryRun(await prepare(rows, mapping(), who), outcome);
    } catch (error) {
      clear(outcome, errorBox(error));
    } finally {
      preview.disabled = false;
    }
  };
  return h(
    'form.card',
    { id: 'import-mapping-form', onsubmit: onSubmit },
    h('h3', t('import.mapping')),
    h('p.muted', t('import.rows', { n: rows.slice(1).filter((row) => row.some(Boolean)).length }), ' ', t('import.skillsNote')),
    h('div.mapping-grid', Object.entries(selects).map(([name, select]) => field(t(`import.field.${name}`) + (REQUIRED_FIELDS.includes(name) ? ' *' : ''), select))),
    h('div.actions', preview),
  );
}

/** The rows as bulk rows: the station's county and point as defaults, skill names as taxonomy codes. */
async function prepare(rows, mapping, who) {
  const station = await getStation(who.sub).catch((error) => (error.status === 404 || error.status === 403 ? undefined : Promise.reject(error)));
  const names = new Set();
  if (mapping.skills !== undefined) for (const row of rows.slice(1)) for (const { name } of parseSkills(row[mapping.skills])) names.add(name);
  const codes = await skillCodes([...names]);
  const defaults = { regionCode: who.region, stationId: who.sub, location: station?.location && { lat: station.location.lat, lon: station.location.lon } };
  return toWorkers(rows, mapping, defaults, (name) => codes.get(name) ?? name);
}

/** Skill name (or code) → taxonomy code, for the names the taxonomy knows exactly. */
async function skillCodes(names) {
  const codes = new Map();
  await Promise.all(
    names.map(async (name) => {
      const found = await skills(name).catch(() => []);
      const exact = found.find((s) => s.code === name || s.name === name || s.nameEn?.toLowerCase() === name.toLowerCase());
      if (exact) codes.set(name, exact.code);
    }),
  );
  return codes;
}

/** Sends the rows, 1,000 a request, and gives back each row's result with its row number. */
async function sendAll(prepared, dryRun, onProgress) {
  const results = [];
  for (let start = 0; start < prepared.length; start += CHUNK) {
    const chunk = prepared.slice(start, start + CHUNK);
    const answer = await registerWorkersBulk(chunk.map((p) => p.worker), dryRun);
    for (const result of answer.results) results.push({ ...result, ...chunk[result.index] });
    onProgress(Math.min(start + CHUNK, prepared.length), prepared.length);
  }
  return results;
}

/** Step 3: the dry run: every bad row with its number and why; the import button when anything is new. */
async function dryRun(prepared, outcome) {
  const progress = h('p.muted', { id: 'import-progress' }, t('import.checking'));
  clear(outcome, progress);
  const results = await sendAll(prepared, true, (done, total) => (progress.textContent = t('import.progress', { done, total })));
  const bad = results.filter((r) => BAD.has(r.status));
  const count = (status) => results.filter((r) => r.status === status).length;
  // Rows already registered may be sent again (the API answers `exists`): the result then says so.
  const start = h('button.primary', { type: 'button', id: 'import-start', disabled: count('valid') + count('exists') === 0 }, t('import.start', { n: count('valid') }));
  start.addEventListener('click', () => runImport(prepared, outcome));
  clear(
    outcome,
    h(
      'section.card',
      { id: 'import-preview-result', dataset: { valid: count('valid'), exists: count('exists'), bad: bad.length } },
      h('h3', t('import.previewTitle')),
      h('p', t('import.previewSummary', { valid: count('valid'), exists: count('exists'), bad: bad.length })),
      bad.length ? badRows(bad, prepared) : h('p.ok', t('import.noBadRows')),
      h('div.actions', start),
    ),
  );
}

/** Step 4: the import and its summary. */
async function runImport(prepared, outcome) {
  const progress = h('p.muted', { id: 'import-progress' }, t('import.importing'));
  clear(outcome, progress);
  try {
    const results = await sendAll(prepared, false, (done, total) => (progress.textContent = t('import.progress', { done, total })));
    const failed = results.filter((r) => BAD.has(r.status));
    const count = (status) => results.filter((r) => r.status === status).length;
    clear(
      outcome,
      h(
        'section.card',
        { id: 'import-result', dataset: { created: count('created'), exists: count('exists'), failed: failed.length } },
        h('h3', t('import.resultTitle')),
        h(
          'dl.facts.import-summary',
          h('dt', t('import.created')), h('dd', { dataset: { field: 'created' } }, count('created')),
          h('dt', t('import.exists')), h('dd', { dataset: { field: 'exists' } }, count('exists')),
          h('dt', t('import.failed')), h('dd', { dataset: { field: 'failed' } }, failed.length),
        ),
        failed.length ? badRows(failed, prepared) : null,
        h('p', h('a', { href: '#/workers' }, t('import.toList'))),
      ),
    );
  } catch (error) {
    clear(outcome, errorBox(error));
  }
}

/** The bad rows: row number, status and the API's reasons (fields and problems, no personal data). */
function badRows(results, prepared) {
  const firstRowOf = new Map();
  for (const { rowNumber, worker } of prepared) if (!firstRowOf.has(worker.idNumber)) firstRowOf.set(worker.idNumber, rowNumber);
  return h(
    'div.table-wrap',
    { tabindex: 0, role: 'region', 'aria-label': t('import.badRows') },
    h(
      'table.figures.bad-rows',
      { id: 'import-bad-rows' },
      h('caption.visually-hidden', t('import.badRows')),
      h('thead', h('tr', h('th', { scope: 'col' }, t('import.rowNumber')), h('th', { scope: 'col' }, t('import.why')))),
      h(
        'tbody',
        results.map((r) => h('tr', { dataset: { row: r.rowNumber, status: r.status } }, h('th', { scope: 'row' }, r.rowNumber), h('td', reason(r, firstRowOf)))),
      ),
    ),
  );
}

/** The registration problems a ledger most often has, in the staff's words; any other as the API words it. */
const KNOWN_PROBLEMS = [
  [/^is not a valid resident ID number: check digit/, 'import.problem.checkDigit'],
  [/^is not a valid resident ID number/, 'import.problem.residentId'],
  [/must be a mainland mobile number/, 'import.problem.mobile'],
  [/should not be empty/, 'import.problem.empty'],
];

function problemText(problem) {
  const known = KNOWN_PROBLEMS.find(([pattern]) => pattern.test(problem));
  return known ? t(known[1]) : problem;
}

/** A field left empty is said once: the API adds every other rule the empty value breaks. */
function withoutEchoesOfEmpty(details) {
  const empty = new Set(details.filter((d) => /should not be empty/.test(d.problem)).map((d) => d.field));
  return details.filter((d) => !empty.has(d.field) || /should not be empty/.test(d.problem));
}

/** Why a row was refused, in the file's terms: its row numbers and skill names rather than the request's. */
function reason(result, firstRowOf) {
  const details = withoutEchoesOfEmpty(result.error?.details ?? []);
  const problem = (d) => {
    const skill = /^skills\.(\d+)\./.exec(d.field);
    if (skill) return t('import.unknownSkill', { name: result.worker.skills[Number(skill[1])]?.code ?? '' });
    return `${fieldLabel(d.field)}：${problemText(d.problem)}`;
  };
  const text =
    result.error?.code === 'WORKER.DUPLICATE_IN_REQUEST'
      ? t('import.duplicate', { row: firstRowOf.get(result.worker.idNumber) })
      : details.length ? details.map(problem).join('；') : result.error?.message ?? '';
  return `${t(`import.status.${result.status}`)}${text ? ` — ${text}` : ''}`;
}

function fieldLabel(name) {
  const key = `import.field.${String(name).split('.')[0]}`;
  const text = t(key);
  return text === key ? name : text;
}
