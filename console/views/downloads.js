// Bureau downloads: employed / unemployed / willing-to-migrate lists and the monthly monitoring
// of poverty-alleviated workers, as CSV, fetched with the Authorization header into a Blob.
import { downloadCsv, principal } from '../api.js';
import { errorBox, field, h, signedOutBox, clear } from '../dom.js';
import { t } from '../i18n.js';
import { regionPicker } from '../region-picker.js';

const LISTS = ['employed', 'unemployed', 'willing-to-migrate'];

function lastMonth() {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function size(bytes) {
  return bytes < 1024 ? `${bytes} B` : bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

export function render(main) {
  const who = principal();
  if (!who) {
    main.append(signedOutBox());
    return;
  }
  const home = who.region && who.region !== '100000' ? who.region : '';

  const listKind = h('select', { id: 'list-kind' }, LISTS.map((l) => h('option', { value: l }, t(`downloads.list.${l}`))));
  const listRegion = regionPicker({ name: 'list-region', initial: home });
  const listMessage = h('div.message', { id: 'list-message' });
  const listForm = h(
    'form.card',
    {
      id: 'list-form',
      onsubmit: async (event) => {
        event.preventDefault();
        clear(listMessage, h('p.muted', t('common.loading')));
        const regionCode = listRegion.value() || home;
        try {
          const file = await downloadCsv('workerProfiles', `/v1/lists/${listKind.value}`, { regionCode }, `laowu-${listKind.value}-${regionCode || 'all'}.csv`);
          clear(listMessage, h('p.ok', t('downloads.done', { name: file.name, size: size(file.size) })));
        } catch (error) {
          clear(listMessage, errorBox(error));
        }
      },
    },
    h('h3', t('downloads.lists')),
    field(t('downloads.list'), listKind),
    field(t('downloads.region'), listRegion.el),
    h('button.primary', { type: 'submit', id: 'list-download' }, t('downloads.download')),
    listMessage,
  );

  const month = h('input', { id: 'monthly-month', type: 'month', value: lastMonth(), required: true });
  const monthRegion = regionPicker({ name: 'monthly-region', initial: home });
  const monthMessage = h('div.message', { id: 'monthly-message' });
  const monthForm = h(
    'form.card',
    {
      id: 'monthly-form',
      onsubmit: async (event) => {
        event.preventDefault();
        clear(monthMessage, h('p.muted', t('common.loading')));
        const regionCode = monthRegion.value() || home;
        try {
          const file = await downloadCsv('workerProfiles', '/v1/monitoring/monthly', { month: month.value, regionCode }, `laowu-monitoring-${month.value}-${regionCode || 'all'}.csv`);
          clear(monthMessage, h('p.ok', t('downloads.done', { name: file.name, size: size(file.size) })));
        } catch (error) {
          clear(monthMessage, errorBox(error));
        }
      },
    },
    h('h3', t('downloads.monthly')),
    field(t('downloads.month'), month),
    field(t('downloads.region'), monthRegion.el),
    h('button.primary', { type: 'submit', id: 'monthly-download' }, t('downloads.download')),
    monthMessage,
  );

  main.append(h('h2', t('downloads.title')), h('p.muted', t('downloads.note')), h('div.grid-2', listForm, monthForm));
}
