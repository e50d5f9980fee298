import {
  Chart,
  type ChartDataset,
  Legend,
  LinearScale,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import type { CalculatorResult } from '../../src/core/scaling/calculator';
import { chartSeries, type Point } from '../../src/core/scaling/chartSeries';
import { formatAmount, formatScientific } from '../../src/core/scaling/units';

// Registering only what the chart uses keeps the bundle small.
Chart.register(
  ScatterController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  Legend,
  Tooltip,
);

/** One colour per law frontier, from the theme's chart palette. */
const FRONTIER_COLOURS = ['red', 'orange', 'yellow', 'green', 'purple'];

type Dataset = ChartDataset<'scatter', Point[]>;

/** The log–log loss-against-size chart; colours are read from the VS Code theme on each draw. */
export class LossChart {
  private readonly chart: Chart<'scatter', Point[]>;

  constructor(canvas: HTMLCanvasElement) {
    this.chart = new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: {
            type: 'logarithmic',
            title: { display: true, text: 'Parameters N' },
            ticks: { callback: (value) => powerOfTenLabel(Number(value), formatAmount) },
          },
          y: {
            type: 'logarithmic',
            min: 1.6,
            max: 4,
            title: { display: true, text: 'Loss (nats per token)' },
            ticks: { callback: (value) => Number(value).toFixed(1) },
          },
        },
        plugins: {
          legend: {
            labels: { filter: (item) => !String(item.text).startsWith('IsoFLOP ') },
          },
          tooltip: {
            callbacks: {
              label: (item) => {
                const point = item.raw as Point;
                const name = point.label ?? item.dataset.label;
                return `${name}: N ${formatAmount(point.x)}, loss ${point.y.toFixed(3)}`;
              },
            },
          },
        },
      },
    });
  }

  surfaceLabel(result: CalculatorResult): string {
    const surface = chartSeries(result).surface;
    return surface.id === result.law.id
      ? surface.label
      : `${surface.label} (the chosen law has no loss function)`;
  }

  /** Redraws for a result; returns the number of datasets drawn. */
  draw(result: CalculatorResult): number {
    const colour = themeColours();
    const series = chartSeries(result);
    const userFlops = result.budget?.computeFlops ?? result.run?.run.computeFlops;

    const isoFlop: Dataset[] = series.isoFlop.map(({ flops, curve }) => ({
      label: `IsoFLOP ${formatScientific(flops)}`,
      data: curve,
      showLine: true,
      pointRadius: 0,
      borderWidth: flops === userFlops ? 2.5 : 1,
      borderColor: flops === userFlops ? colour('blue') : colour('muted'),
    }));
    const optima: Dataset = {
      label: 'IsoFLOP optimum',
      data: series.isoFlop.map(({ flops, optimum }) => ({
        ...optimum,
        label: `Optimum at ${formatScientific(flops)} FLOPs`,
      })),
      pointRadius: 4,
      order: 2,
      backgroundColor: colour('blue'),
      borderColor: colour('blue'),
    };
    const frontiers: Dataset[] = series.frontiers.map(({ law, points }, index) => ({
      label: `${law.label} frontier`,
      data: points,
      showLine: true,
      pointRadius: 0,
      borderDash: [6, 4],
      borderWidth: 1.5,
      borderColor: colour(FRONTIER_COLOURS[index % FRONTIER_COLOURS.length]),
    }));
    const references: Dataset = {
      label: 'Reference models',
      data: [...series.references],
      pointStyle: 'triangle',
      pointRadius: 5,
      order: 1,
      backgroundColor: colour('foreground'),
      borderColor: colour('foreground'),
    };
    const user: Dataset = {
      label: 'Your plan',
      data: [...series.user],
      pointStyle: 'rectRot',
      pointRadius: 8,
      // Lower order draws on top: the user's point must never hide under an optimum dot.
      order: 0,
      backgroundColor: colour('accent'),
      borderColor: colour('foreground'),
    };

    this.chart.data.datasets = [...isoFlop, optima, ...frontiers, references, user];
    this.applyTheme(colour);
    this.chart.update('none');
    return this.chart.data.datasets.length;
  }

  private applyTheme(colour: (name: string) => string): void {
    const options = this.chart.options;
    for (const axis of ['x', 'y'] as const) {
      const scale = options.scales?.[axis];
      if (scale !== undefined) {
        scale.grid = { color: colour('grid') };
        scale.ticks = { ...scale.ticks, color: colour('foreground') };
        if ('title' in scale && scale.title !== undefined) {
          scale.title.color = colour('foreground');
        }
      }
    }
    if (options.plugins?.legend?.labels !== undefined) {
      options.plugins.legend.labels.color = colour('foreground');
    }
  }
}

/** Colours from the theme's CSS variables, so light, dark and high contrast all read well. */
function themeColours(): (name: string) => string {
  const style = getComputedStyle(document.body);
  const read = (variable: string, fallback: string): string =>
    style.getPropertyValue(variable).trim() || fallback;
  const foreground = read('--vscode-foreground', '#808080');
  return (name) => {
    switch (name) {
      case 'foreground':
        return foreground;
      case 'muted':
        return read('--vscode-descriptionForeground', foreground);
      case 'grid':
        return read('--vscode-editorWidget-border', read('--vscode-panel-border', foreground));
      case 'accent':
        return read('--vscode-charts-orange', foreground);
      default:
        return read(`--vscode-charts-${name}`, foreground);
    }
  };
}

function powerOfTenLabel(value: number, format: (value: number) => string): string {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? format(value) : '';
}
