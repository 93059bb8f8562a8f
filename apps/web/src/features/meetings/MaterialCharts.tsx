import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Material } from './types';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts chart of the material: counts by category (bar) or by week (line). */
function Chart({ kind, labels, values, testId }: { kind: 'bar' | 'line'; labels: string[]; values: number[]; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, bottom: 48, top: 16 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 5 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '工单数', type: kind, data: values, smooth: kind === 'line' }],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [kind, labels, values]);
  return <div ref={ref} style={{ width: '100%', height: 240 }} data-testid={testId} />;
}

export function DepartmentChart({ m }: { m: Material }) {
  return <Chart kind="bar" labels={m.byDepartment.map((d) => d.label)} values={m.byDepartment.map((d) => d.count)} testId="meeting-chart-department" />;
}

export function TopicChart({ m }: { m: Material }) {
  return <Chart kind="bar" labels={m.byTopic.map((d) => d.label)} values={m.byTopic.map((d) => d.count)} testId="meeting-chart-topic" />;
}

export function WeeklyChart({ m }: { m: Material }) {
  return <Chart kind="line" labels={m.weekly.map((w) => `${w.weekStart} 周`)} values={m.weekly.map((w) => w.count)} testId="meeting-chart-weekly" />;
}
