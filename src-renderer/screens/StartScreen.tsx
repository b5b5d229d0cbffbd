/** Start: what is wrong and for whom, then run the checks (or open a snapshot from another machine). */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { lazy, Suspense, useId, useRef } from 'react';
import { RadioGroup } from '../components/RadioGroup';
import { WizardFooter } from '../components/WizardFooter';
import { ScreenHeading } from '../components/ScreenHeading';
import { START_CHOICES } from '../lib/labels';
import { useApp } from '../store/StoreContext';
import type { StartChoice } from '../../src-shared/tree';

const CHOICES = Object.keys(START_CHOICES) as StartChoice[];

/**
 * The history names each fix from the fix catalogue, which the rest of this screen does not need: it loads after the
 * screen is drawn, inside a section that starts closed.
 */
const AuditHistory = lazy(() => import('../components/AuditHistory').then((m) => ({ default: m.AuditHistory })));

/** The start screen. */
export function StartScreen() {
  const startChoice = useApp((s) => s.startChoice);
  const chooseStart = useApp((s) => s.chooseStart);
  const startChecks = useApp((s) => s.startChecks);
  const openSnapshot = useApp((s) => s.openSnapshot);
  const info = useApp((s) => s.info);
  const infoError = useApp((s) => s.infoError);
  const scenario = useApp((s) => s.scenario);
  const setScenario = useApp((s) => s.setScenario);
  const technical = useApp((s) => s.technical);
  const audit = useApp((s) => s.audit);
  const auditLoading = useApp((s) => s.auditLoading);
  const auditError = useApp((s) => s.auditError);
  const auditUndos = useApp((s) => s.auditUndos);
  const loadAudit = useApp((s) => s.loadAudit);
  const undoAudit = useApp((s) => s.undoAudit);
  const pickerId = useId();
  const fileRef = useRef<HTMLInputElement>(null);

  return (
    <>
      <ScreenHeading focusKey="start">What is wrong?</ScreenHeading>
      <p>
        This wizard checks why DirectAccess (the automatic connection to your work network) does not connect, explains it in plain words, and fixes what can be
        fixed.
      </p>
      <RadioGroup
        name="audience"
        legend="Who is this for?"
        value={startChoice}
        onChange={(v) => chooseStart(v as StartChoice)}
        options={CHOICES.map((a) => ({ value: a, label: START_CHOICES[a].label, hint: START_CHOICES[a].hint }))}
      />
      {info?.host === 'simulated' && info.scenarios.length > 0 && (
        <div className="field trainer">
          <label htmlFor={pickerId}>Practice machine (simulated)</label>
          <select id={pickerId} value={scenario ?? ''} onChange={(e) => setScenario(e.target.value || null)}>
            {info.scenarios.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <p className="hint">For helpdesk training: the checks run against this simulated computer.</p>
        </div>
      )}
      <WizardFooter primary={{ label: 'Run the checks', onClick: () => void startChecks() }} />
      <details className="more">
        <summary>For helpdesk staff: open results from another computer</summary>
        <p className="hint">A report or snapshot file someone sent you (.html or .json). Its fixes can only run on that computer.</p>
        <div className="actions">
          <Button onClick={() => fileRef.current?.click()}>Open a results file…</Button>
          <input
            ref={fileRef}
            className="visually-hidden"
            type="file"
            tabIndex={-1}
            aria-label="Results file from another computer"
            accept=".html,.htm,.json,text/html,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.text().then(openSnapshot);
            }}
          />
        </div>
      </details>
      <details
        className="more"
        onToggle={(e) => {
          if (e.currentTarget.open) void loadAudit();
        }}
      >
        <summary>For helpdesk staff: changes made by DirectAccess Doctor on this computer</summary>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <AuditHistory
            records={audit}
            loading={auditLoading}
            error={auditError}
            undos={auditUndos}
            technical={technical}
            onUndo={(id) => void undoAudit(id)}
            onReload={() => void loadAudit()}
          />
        </Suspense>
      </details>
      {infoError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>The program did not answer: {infoError}</MessageBarBody>
        </MessageBar>
      )}
      {technical && info && (
        <dl className="technical facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Host</dt>
          <dd>{info.host}</dd>
          <dt>Scenario</dt>
          <dd>{scenario ?? '—'}</dd>
          <dt>Organisation</dt>
          <dd>{info.organisation ?? 'none configured'}</dd>
        </dl>
      )}
    </>
  );
}
