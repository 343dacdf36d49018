// JSON or CSV for the metrics endpoints: the same rows and filters either way.
import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { flatten, toCsv, wantsCsv } from '../common/csv';
import { BreakdownQueryDto, MetricsQueryDto, SummaryQueryDto, TimeseriesQueryDto } from './metrics-query.dto';
import { MetricsService } from './metrics.service';

function csvReply(res: FastifyReply, name: string, q: MetricsQueryDto, body: string): string {
  res.header('content-type', 'text/csv; charset=utf-8');
  res.header('content-disposition', `attachment; filename="claimcheck-${name}-${q.from}-${q.to}.csv"`);
  return body;
}

@Injectable()
export class MetricsExportService {
  constructor(private readonly metrics: MetricsService) {}

  private csv(q: MetricsQueryDto, res: FastifyReply): boolean {
    return wantsCsv(q.format, res.request.headers.accept);
  }

  async summary(q: SummaryQueryDto, res: FastifyReply) {
    const s = await this.metrics.summary(q);
    return this.csv(q, res) ? csvReply(res, 'summary', q, toCsv([flatten(s)])) : s;
  }

  async timeseries(q: TimeseriesQueryDto, res: FastifyReply) {
    const t = await this.metrics.timeseries(q);
    if (!this.csv(q, res)) return t;
    const { buckets, ...scope } = t;
    return csvReply(res, `timeseries-${t.interval}`, q, toCsv(buckets.map((b) => flatten({ ...b, tz: scope.tz, costModelVersion: scope.costModelVersion }))));
  }

  async breakdown(q: BreakdownQueryDto, res: FastifyReply) {
    const b = await this.metrics.breakdown(q);
    if (!this.csv(q, res)) return b;
    // One row per segment; a two-column breakdown also gets each column's value; series stay in the JSON.
    const rows = [...b.segments, ...(b.other ? [b.other] : [])].map(({ values, series: _series, ...s }) =>
      flatten({ by: b.by, ...s, ...(b.columns.length > 1 ? Object.fromEntries(b.columns.map((c) => [c, values[c] ?? ''])) : {}) }),
    );
    return csvReply(res, `breakdown-${b.by}`, q, toCsv(rows));
  }
}
