// Every migration, in order. Listed by import (not a glob) so that the same list works from
// TypeScript sources under jest and from the compiled server.
import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { Alerts1763900000000 } from './1763900000000-alerts';
import { Rollups1764000000000 } from './1764000000000-rollups';
import { Projection1765000000000 } from './1765000000000-projection';
import { AlertActions1766000000000 } from './1766000000000-alert-actions';
import { FixedCosts1766100000000 } from './1766100000000-fixed-costs';
import { SavingsIntervals1766200000000 } from './1766200000000-savings-intervals';
import { Claims1766300000000 } from './1766300000000-claims';
import { ImportSources1766400000000 } from './1766400000000-import-sources';
import { Workspaces1766500000000 } from './1766500000000-workspaces';
import { DayKeyHistograms1766600000000 } from './1766600000000-day-key-histograms';
import { RollupDeltas1766700000000 } from './1766700000000-rollup-deltas';
import { BulkTablesWithoutWorkspaceChecks1766800000000 } from './1766800000000-bulk-tables-without-workspace-checks';
import { PendingByLoad1766900000000 } from './1766900000000-pending-by-load';
import { ValuesInline1767000000000 } from './1767000000000-values-inline';

export const MIGRATIONS = [InitialSchema1763800000000, Alerts1763900000000, Rollups1764000000000, Projection1765000000000, AlertActions1766000000000, FixedCosts1766100000000, SavingsIntervals1766200000000, Claims1766300000000, ImportSources1766400000000, Workspaces1766500000000, DayKeyHistograms1766600000000, RollupDeltas1766700000000, BulkTablesWithoutWorkspaceChecks1766800000000, PendingByLoad1766900000000, ValuesInline1767000000000];
