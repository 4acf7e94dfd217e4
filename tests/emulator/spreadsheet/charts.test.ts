import { errorOf, newEmulator } from './support';

function withChartSheet<T>(
  fn: (
    gas: import('../../../playground/emulator/emulator').GasGlobals,
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
  ) => T,
) {
  const emu = newEmulator();
  const result = emu.run((gas) => {
    const sheet = gas.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:B4').setValues([
      ['Month', 'MRR'],
      ['Jan', 100],
      ['Feb', 120],
      ['Mar', 150],
    ]);
    return fn(gas, sheet);
  });
  return { emu, result };
}

describe('EmbeddedChartBuilder round trip', () => {
  it('a built and inserted chart keeps its type, ranges, position and options', () => {
    const { result } = withChartSheet(({ Charts }, sheet) => {
      const chart = sheet
        .newChart()
        .asLineChart()
        .addRange(sheet.getRange('A1:B4'))
        .setPosition(2, 4, 10, 20)
        .setOption('title', 'MRR')
        .setOption('colors', ['#4285f4'])
        .setOption('vAxis.format', '$#,##0')
        .build();
      sheet.insertChart(chart);
      const [inserted] = sheet.getCharts();
      const info = inserted.getContainerInfo();
      return {
        type: String(inserted.modify().getChartType()),
        isLine: inserted.modify().getChartType() === Charts.ChartType.LINE,
        ranges: inserted.getRanges().map((r) => r.getA1Notation()),
        position: [info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()],
        title: inserted.getOptions().get('title'),
        colors: inserted.getOptions().get('colors'),
        format: inserted.getOptions().get('vAxis.format'),
        hasId: typeof inserted.getChartId() === 'number',
      };
    });
    expect(result).toEqual({
      type: 'LINE',
      isLine: true,
      ranges: ['A1:B4'],
      position: [2, 4, 10, 20],
      title: 'MRR',
      colors: ['#4285f4'],
      format: '$#,##0',
      hasId: true,
    });
  });

  it('build() does not insert the chart, and a built chart has no id yet', () => {
    const { result } = withChartSheet((_gas, sheet) => {
      const chart = sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B4')).build();
      return [sheet.getCharts().length, chart.getChartId()];
    });
    expect(result).toEqual([0, null]);
  });

  it('setChartType takes any Charts.ChartType', () => {
    const { result } = withChartSheet(({ Charts }, sheet) =>
      String(sheet.newChart().setChartType(Charts.ChartType.STEPPED_AREA).getChartType()),
    );
    expect(result).toBe('STEPPED_AREA');
  });

  it('typed conveniences are recorded as the Google Charts options they stand for', () => {
    const { result } = withChartSheet(({ Charts }, sheet) => {
      const b = sheet
        .newChart()
        .asColumnChart()
        .setTitle('Revenue')
        .setStacked()
        .setLegendPosition(Charts.Position.BOTTOM)
        .setXAxisTitle('Month')
        .setYAxisTitle('USD')
        .setColors(['#111111', '#222222'])
        .setRange(0, 500)
        .reverseCategories();
      const line = sheet
        .newChart()
        .asLineChart()
        .setCurveStyle(Charts.CurveStyle.SMOOTH)
        .setPointStyle(Charts.PointStyle.MEDIUM);
      const pie = sheet.newChart().asPieChart().set3D();
      const o = b.build().getOptions();
      return {
        title: o.get('title'),
        isStacked: o.get('isStacked'),
        legend: o.get('legend.position'),
        legendObject: o.get('legend'),
        hTitle: o.get('hAxis.title'),
        vTitle: o.get('vAxis.title'),
        colors: o.get('colors'),
        min: o.get('vAxis.viewWindow.min'),
        max: o.get('vAxis.viewWindow.max'),
        direction: o.get('hAxis.direction'),
        curve: line.build().getOptions().get('curveType'),
        pointSize: line.build().getOptions().get('pointSize'),
        is3D: pie.build().getOptions().get('is3D'),
      };
    });
    expect(result).toEqual({
      title: 'Revenue',
      isStacked: true,
      legend: 'bottom',
      legendObject: { position: 'bottom' },
      hTitle: 'Month',
      vTitle: 'USD',
      colors: ['#111111', '#222222'],
      min: 0,
      max: 500,
      direction: -1,
      curve: 'function',
      pointSize: 7,
      is3D: true,
    });
  });

  it("a bar chart's value range and reversed categories apply to its horizontal and vertical axes", () => {
    const { result } = withChartSheet((_gas, sheet) => {
      const o = sheet.newChart().asBarChart().setRange(0, 10).reverseCategories().build().getOptions();
      return [o.get('hAxis.viewWindow.max'), o.get('vAxis.direction')];
    });
    expect(result).toEqual([10, -1]);
  });

  it('nested option objects are readable by dotted key', () => {
    const { result } = withChartSheet((_gas, sheet) =>
      sheet
        .newChart()
        .asLineChart()
        .setOption('hAxis', { format: 'MMM yyyy' })
        .build()
        .getOptions()
        .get('hAxis.format'),
    );
    expect(result).toBe('MMM yyyy');
  });

  it('merge strategy, headers, transposition and hidden-dimension strategy are kept', () => {
    const { result } = withChartSheet(({ Charts }, sheet) => {
      const c = sheet
        .newChart()
        .asColumnChart()
        .setMergeStrategy(Charts.ChartMergeStrategy.MERGE_ROWS)
        .setNumHeaders(1)
        .setTransposeRowsAndColumns(true)
        .setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH)
        .build();
      return [
        String(c.getMergeStrategy()),
        c.getNumHeaders(),
        c.getTransposeRowsAndColumns(),
        String(c.getHiddenDimensionStrategy()),
      ];
    });
    expect(result).toEqual(['MERGE_ROWS', 1, true, 'SHOW_BOTH']);
  });

  it("removeRange and clearRanges edit the builder's ranges", () => {
    const { result } = withChartSheet((_gas, sheet) => {
      const b = sheet.newChart().addRange(sheet.getRange('A1:A4')).addRange(sheet.getRange('B1:B4'));
      b.removeRange(sheet.getRange('A1:A4'));
      const afterRemove = b.getRanges().map((r) => r.getA1Notation());
      b.clearRanges();
      return [afterRemove, b.getRanges().length];
    });
    expect(result).toEqual([['B1:B4'], 0]);
  });
});

describe('Sheet.insertChart, updateChart, removeChart', () => {
  it('modify() → build() → updateChart changes the chart in place, keeping its id', () => {
    const { result } = withChartSheet((_gas, sheet) => {
      sheet.insertChart(
        sheet.newChart().asColumnChart().addRange(sheet.getRange('A1:B4')).setOption('title', 'Old').build(),
      );
      const chart = sheet.getCharts()[0];
      const id = chart.getChartId();
      sheet.updateChart(chart.modify().setOption('title', 'New').asAreaChart().build());
      const [after] = sheet.getCharts();
      return [
        sheet.getCharts().length,
        after.getChartId() === id,
        after.getOptions().get('title'),
        String(after.modify().getChartType()),
      ];
    });
    expect(result).toEqual([1, true, 'New', 'AREA']);
  });

  it('updating a chart that is not on the sheet throws', () => {
    const { result } = withChartSheet((_gas, sheet) =>
      errorOf(() => sheet.updateChart(sheet.newChart().asLineChart().build())),
    );
    expect(result).toBe('The chart could not be found on this sheet. Insert it with insertChart first.');
  });

  it('removeChart removes it', () => {
    const { result } = withChartSheet((_gas, sheet) => {
      sheet.insertChart(sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B4')).build());
      sheet.removeChart(sheet.getCharts()[0]);
      return sheet.getCharts().length;
    });
    expect(result).toBe(0);
  });

  it('chart ranges are stored as sheet id + A1 for the playground to draw from live cells', () => {
    const { emu } = withChartSheet((_gas, sheet) => {
      sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange('A1:B4')).build());
    });
    expect(emu.workbook.sheets[0].charts[0].ranges).toEqual([{ sheetId: 0, a1: 'A1:B4' }]);
  });

  it('charts anchored below inserted rows move down with them', () => {
    const { result } = withChartSheet((_gas, sheet) => {
      sheet.insertChart(sheet.newChart().asLineChart().setPosition(10, 2, 0, 0).build());
      sheet.insertRowsBefore(1, 5);
      return sheet.getCharts()[0].getContainerInfo().getAnchorRow();
    });
    expect(result).toBe(15);
  });
});
