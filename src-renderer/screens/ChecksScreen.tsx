/** Checks running: each probe's progress and status, from `collect:progress` events. */
import { ProbeList } from '../components/ProbeList';
import { MessageBar, MessageBarBody, ProgressBar, Field } from '@fluentui/react-components';
import { ScreenHeading } from '../components/ScreenHeading';
import { WizardFooter } from '../components/WizardFooter';
import { HelpdeskContact } from '../components/HelpdeskContact';
import { selectHelpdesk } from '../store/selectors';
import { formatDuration } from '../../src-shared/format';
import { useApp } from '../store/StoreContext';
import { SECTION_NAMES } from '../../src-shared/sectionNames';

/** The checks screen. */
export function ChecksScreen() {
  const progress = useApp((s) => s.progress);
  const collecting = useApp((s) => s.collecting);
  const error = useApp((s) => s.collectError);
  const technical = useApp((s) => s.technical);
  const restart = useApp((s) => s.restart);
  const cancelChecks = useApp((s) => s.cancelChecks);
  const estimate = useApp((s) => s.estimateSeconds);
  const helpdesk = useApp(selectHelpdesk);
  const startChecks = useApp((s) => s.startChecks);
  const finished = Object.values(progress).filter((p) => p?.phase === 'finished').length;

  return (
    <>
      <ScreenHeading focusKey="checks">Checking this computer</ScreenHeading>
      {collecting === 'failed' ? (
        <>
          <MessageBar intent="error" role="alert">
            <MessageBarBody>The checks could not run: {error}</MessageBarBody>
          </MessageBar>
          <p>Try again. If it fails again, tell your helpdesk what the message above says.</p>
          <HelpdeskContact helpdesk={helpdesk} />
          <WizardFooter back={{ label: 'Back', onClick: restart }} primary={{ label: 'Try again', onClick: () => void startChecks() }} />
        </>
      ) : (
        <>
          <p>Nothing is changed on this computer while it checks.</p>
          {/* Honest: usually seconds, but a check that waits for a network that does not answer takes its full time. */}
          <p className="hint" aria-live="polite">
            {estimate === null
              ? 'This usually takes a few seconds.'
              : estimate > 0
                ? `This usually takes a few seconds; on a network that does not answer it can take up to ${formatDuration(estimate * 1000)} more.`
                : 'Almost done.'}
          </p>
          <Field label={`${finished} of ${SECTION_NAMES.length} checks done`} validationState="none">
            <ProgressBar max={SECTION_NAMES.length} value={finished} thickness="large" />
          </Field>
          {/* Stops and shows what was learned so far: on a network that answers nothing, the local checks already tell a lot. */}
          <WizardFooter cancel={{ label: 'Stop checking', onClick: () => void cancelChecks() }} />
        </>
      )}
      <ProbeList sections={SECTION_NAMES} progress={progress} technical={technical} />
    </>
  );
}
