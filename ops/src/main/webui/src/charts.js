import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

const HEIGHT = 220;

/** A time series chart that fills its container's width. */
export function timeChart(container, { title, series }) {
  const opts = {
    title,
    width: Math.max(container.clientWidth, 300),
    height: HEIGHT,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [{}, { size: 60 }],
    // The legend names the series; values under the cursor would read '--' in a chart nobody hovers.
    legend: { live: false },
    series: [{}, ...series.map(({ label, color }) => ({ label, stroke: color, width: 2, spanGaps: false }))],
  };
  const empty = [[], ...series.map(() => [])];
  const chart = new uPlot(opts, empty, container);
  const resize = () => chart.setSize({ width: Math.max(container.clientWidth, 300), height: HEIGHT });
  window.addEventListener('resize', resize);
  return {
    update: (data) => chart.setData(data),
    destroy: () => {
      window.removeEventListener('resize', resize);
      chart.destroy();
    },
  };
}
