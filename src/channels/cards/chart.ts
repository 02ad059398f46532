/**
 * The stats card's picture: joins and meetings per month as a bar chart, drawn on the server with
 * Chart.js on a Skia canvas (@napi-rs/canvas, prebuilt — nothing to compile), as a PNG.
 */
import { createCanvas } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, type Plugin } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend);

export interface ChartSeries {
  /** One label per month, e.g. `nov. 26`. */
  readonly labels: readonly string[];
  readonly joined: readonly number[];
  readonly met: readonly number[];
  /** Legend texts, in the reader's language. */
  readonly joinedLabel: string;
  readonly metLabel: string;
}

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 240;

/** Chat apps show pictures on dark backgrounds too: paint the canvas white first. */
const whiteBackground: Plugin<'bar'> = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** The bar chart as PNG bytes. */
export async function joinsAndMeetingsPng(series: ChartSeries): Promise<Buffer> {
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], {
    type: 'bar',
    data: {
      labels: [...series.labels],
      datasets: [
        { label: series.joinedLabel, data: [...series.joined], backgroundColor: '#2a7a5a' },
        { label: series.metLabel, data: [...series.met], backgroundColor: '#e0a030' },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
    plugins: [whiteBackground],
  });
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
