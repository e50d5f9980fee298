import { OPENNESS_LABELS, REFERENCE_MODELS } from '../../src/core/scaling/referenceModels';
import { formatAmount, formatNumber, formatScientific } from '../../src/core/scaling/units';

const HEADINGS = [
  'Model',
  'Builder',
  'Parameters',
  'Training tokens',
  'Tokens per parameter',
  'Training compute (FLOPs)',
  'Architecture',
  'Openness',
  'Source',
];

/** The published runs, each with its source and any caveat as the row's note. */
export function renderReferenceTable(table: HTMLTableElement): void {
  const head = table.createTHead().insertRow();
  for (const heading of HEADINGS) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = heading;
    head.append(cell);
  }

  const body = table.createTBody();
  for (const model of REFERENCE_MODELS) {
    const row = body.insertRow();
    const compute =
      formatScientific(model.computeFlops) + (model.computeBasis === '6ND' ? ' (6ND)' : '');
    const cells = [
      `${model.name} (${model.year})`,
      model.builder,
      formatAmount(model.parameters),
      formatAmount(model.tokens),
      formatNumber(model.tokens / model.parameters),
      compute,
      model.family,
      OPENNESS_LABELS[model.openness],
      model.note === undefined ? model.source : `${model.source}. ${model.note}`,
    ];
    cells.forEach((text, index) => {
      const cell = index === 0 ? document.createElement('th') : row.insertCell();
      if (index === 0) {
        (cell as HTMLTableCellElement).scope = 'row';
        row.append(cell);
      }
      cell.textContent = text;
    });
  }
}
