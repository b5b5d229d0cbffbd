/** Each probe's progress during a collection. */
import type { SectionName } from '../../src-shared/snapshot';
import { PROBE_STATUS_LABELS, SECTION_LABELS } from '../lib/labels';
import type { ProbeProgress } from '../store/collectSlice';

/** Props of the probe list. */
export interface ProbeListProps {
  sections: SectionName[];
  progress: Partial<Record<SectionName, ProbeProgress>>;
  technical: boolean;
}

/** A list of probes with their state in words. */
export function ProbeList({ sections, progress, technical }: ProbeListProps) {
  return (
    <ul className="probes">
      {sections.map((name) => {
        const p = progress[name];
        const state = !p || p.phase === 'waiting' ? 'Waiting' : p.phase === 'running' ? 'Checking…' : PROBE_STATUS_LABELS[p.status ?? 'ok'];
        const cls = !p ? 'waiting' : p.phase === 'running' ? 'running' : (p.status ?? 'ok');
        return (
          <li key={name} className={`probe probe-${cls}`}>
            <span>{SECTION_LABELS[name]}</span>
            <span className="probe-state">
              {state}
              {technical && p?.phase === 'finished' && (
                <code>
                  {' '}
                  {name}: {p.status} {p.ms !== undefined ? `${Math.round(p.ms)} ms` : ''}
                </code>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
