package io.starlingmq.bench.autoscale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run as one PNG: connections per gateway, reconnects per second with their bound, and messages lost
 * (cumulative), over time.
 */
final class AutoscaleChart {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 300;

    private AutoscaleChart() {
    }

    static void write(AutoscaleTrace trace, AutoscaleFigures figures, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        XYChart reconnects = perSecond("Reconnects per second, and the bound: the paces configured for the drains "
                + "and rebalance rounds going on", "reconnects/s", figures.reconnectsPerSecond(), false);
        reconnects.addSeries("bound", seconds(figures.boundPerSecond().length), values(figures.boundPerSecond()))
                .setMarker(SeriesMarkers.NONE);
        reconnects.getStyler().setLegendVisible(true);
        BitmapEncoder.saveBitmap(List.of(connections(trace), reconnects, perSecond("Messages lost (acknowledged, never delivered to a "
                + "persistent subscriber), cumulative by publish time", "lost", figures.lostPerSecond(), true)),
                3, 1, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart connections(AutoscaleTrace trace) {
        XYChart chart = chart("Connections per gateway (each gateway's starling_gateway_connections)", "connections");
        Map<String, List<Double>> xs = new LinkedHashMap<>();
        Map<String, List<Double>> ys = new LinkedHashMap<>();
        for (AutoscaleTrace.Sample s : trace.samples()) {
            s.connections().forEach((gateway, count) -> {
                xs.computeIfAbsent(gateway, g -> new ArrayList<>()).add(s.seconds());
                ys.computeIfAbsent(gateway, g -> new ArrayList<>()).add((double) count);
            });
        }
        xs.forEach((gateway, x) -> chart.addSeries(gateway, x, ys.get(gateway)).setMarker(SeriesMarkers.NONE));
        return chart;
    }

    private static XYChart perSecond(String title, String axis, int[] values, boolean cumulative) {
        XYChart chart = chart(title, axis);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double sum = 0;
        for (int s = 0; s < values.length; s++) {
            sum = cumulative ? sum + values[s] : values[s];
            x.add((double) s);
            y.add(sum);
        }
        chart.addSeries(axis, x, y).setMarker(SeriesMarkers.NONE);
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    private static List<Double> seconds(int length) {
        List<Double> x = new ArrayList<>();
        for (int s = 0; s < length; s++) {
            x.add((double) s);
        }
        return x;
    }

    private static List<Double> values(int[] values) {
        List<Double> y = new ArrayList<>();
        for (int v : values) {
            y.add((double) v);
        }
        return y;
    }

    private static XYChart chart(String title, String axis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("seconds")
                .yAxisTitle(axis).build();
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }
}
