/**
 * The fix: what will change in plain words, whether it can be undone, why Windows asks for an administrator, the
 * exact commands (technical view, from main's preview), then a confirmation step before anything runs. For a root
 * certificate without a pinned one, the person picks the file from their helpdesk and confirms its thumbprint against
 * the one the helpdesk reads out (matching the server's chain is only a precondition: the chain may be forged); a
 * file that is not the server's root, or any file while the chain looks intercepted, is refused and cannot be applied.
 */
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { CertificateCheck, groupThumbprint } from '../components/CertificateCheck';
import { CommandList } from '../components/CommandList';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { WizardFooter } from '../components/WizardFooter';
import { FindingDetails } from '../components/FindingDetails';
import { fixText, MAX_CERTIFICATE_BYTES, readBase64 } from '../lib/fixes';
import { forOtherComputer } from '../lib/otherComputer';
import { useApp } from '../store/StoreContext';
import { selectHelpdesk } from '../store/selectors';
import { HelpdeskContact } from '../components/HelpdeskContact';
import type { Finding } from '../../src-shared/finding';
import type { FixNode } from '../../src-shared/tree';
import { reasonText } from '../../src-shared/reasonWords';

/** Props of the fix screen. */
export interface FixScreenProps {
  node: FixNode;
  finding: Finding | undefined;
  technical: boolean;
  /** The practice machine: no UAC prompt appears, the change is simulated. */
  simulated: boolean;
  /** Back to the previous step; absent when a fix ran just before. */
  onBack?: (() => void) | undefined;
}

/** The fix screen. */
export function FixScreen({ node, finding, technical, simulated, onBack }: FixScreenProps) {
  // A snapshot from another computer shows its fixes, but they can only run on that computer.
  const imported = useApp((s) => (s.imported ? (s.result?.diagnosis.machine ?? 'another computer') : null));
  const canApply = useApp((s) => s.canApplyFixes && !s.imported);
  const previews = useApp((s) => s.previews);
  const helpdesk = useApp(selectHelpdesk);
  const certificate = useApp((s) => s.certificate);
  const applying = useApp((s) => s.applying);
  const previewFix = useApp((s) => s.previewFix);
  const pickCertificate = useApp((s) => s.pickCertificate);
  const certificateError = useApp((s) => s.certificateError);
  const applyFixes = useApp((s) => s.applyFixes);
  const skipFixes = useApp((s) => s.skipFixes);
  const [confirming, setConfirming] = useState(false);
  const [thumbprintOk, setThumbprintOk] = useState(false);
  const noteId = useId();
  const fileId = useId();

  const fromFile = node.params?.source === 'file';
  const fileFix = node.fixes[0];
  const params: Record<string, string> = fromFile && certificate?.status === 'ready' ? { certificate: certificate.contentB64 } : {};

  // Main previews each fix as it would run now; a certificate import waits for the picked file.
  useEffect(() => {
    if (!canApply || fromFile) return;
    for (const f of node.fixes) void previewFix(f, {});
  }, [canApply, fromFile, node.fixes, previewFix]);

  // A new file needs its own thumbprint confirmation.
  const thumbprint = certificate?.info?.thumbprint;
  useEffect(() => setThumbprintOk(false), [thumbprint]);

  // Another computer's fix is described as that computer's ("adds … to CLIENT01's trusted list").
  const say = (t: string) => (imported ? forOtherComputer(t, imported) : t);
  const texts = node.fixes.map((f) => {
    const t = fixText(f, node);
    return { id: f, text: { ...t, title: say(t.title), plain: say(t.plain), undo: t.undo === null ? null : say(t.undo) }, state: previews[f] };
  });
  const failed = texts.find((t) => t.state?.status === 'failed');
  const refusal = texts.map((t) => t.state?.preview?.refusal).find((r) => r);
  const certRefused = fromFile && certificate?.status === 'ready' && certificate.info?.matchesChainRoot !== true;
  const refused = Boolean(refusal) || certRefused;
  const previewsReady = texts.every((t) => t.state?.status === 'ready');
  const certReady = !fromFile || (certificate?.status === 'ready' && certificate.info?.matchesChainRoot === true && thumbprintOk);
  const ready = canApply && previewsReady && !refused && certReady;
  const reboot = texts.some((t) => t.state?.preview?.rebootRequired ?? t.text.rebootRequired);
  const whyAdmin = [...new Set(texts.map((t) => t.state?.preview?.whyAdmin ?? t.text.whyAdmin).filter((w): w is string => Boolean(w)))];
  const title = node.fixes.length === 1 ? (texts[0]!.state?.preview?.title ?? texts[0]!.text.title) : node.title;

  const why = imported
    ? `These results come from a snapshot of ${imported}. A fix runs only on the computer it is for: run DirectAccess Doctor there, or give its user the commands in the technical view.`
    : !canApply
      ? 'This version of the program cannot make changes; your helpdesk can make it with the commands in the technical view.'
      : fromFile && certificate?.status !== 'ready'
        ? 'First pick the certificate file from your helpdesk.'
        : fromFile && !thumbprintOk
          ? 'First confirm that the fingerprint matches what your helpdesk told you.'
          : !previewsReady
            ? failed
              ? 'The program could not prepare the change.'
              : 'Preparing the change…'
            : null;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CERTIFICATE_BYTES) return certificateError(file.name, 'This file is too large to be a certificate (more than 64 KB).');
    try {
      await pickCertificate(fileFix, file.name, await readBase64(file));
    } catch {
      certificateError(file.name, 'The file could not be read.');
    }
  };

  return (
    <div className="fix" aria-busy={applying ? true : undefined}>
      <p>{node.plain}</p>
      {finding && (
        <>
          <h2>What the checks found</h2>
          <FindingDetails finding={finding} technical={technical} />
        </>
      )}
      <h2>What will change</h2>
      <ul className="changes">
        {texts.map(({ id, text, state }) => {
          const undo = state?.preview ? state.preview.undo : text.undo;
          return (
            <li key={id}>
              <strong>{state?.preview?.title ?? text.title}.</strong> {state?.preview?.plain ?? text.plain}
              {technical && <code className="node-id"> [{id}]</code>}
              <br />
              <span className="hint">{undo ? `You can undo this afterwards: ${undo}` : 'There is nothing to undo afterwards.'}</span>
            </li>
          );
        })}
      </ul>
      {reboot && (
        <MessageBar intent="warning">
          <MessageBarBody>Windows needs a restart after this change before it takes effect.</MessageBarBody>
        </MessageBar>
      )}

      {fromFile && (
        <section aria-labelledby={`${fileId}-h`}>
          <h2 id={`${fileId}-h`}>The certificate file from your helpdesk</h2>
          <div className="field">
            <label htmlFor={fileId}>Certificate file (.cer, .crt, .pem or .der)</label>
            <input
              id={fileId}
              type="file"
              accept=".cer,.crt,.pem,.der"
              disabled={!canApply || applying !== null}
              aria-describedby={`${fileId}-hint`}
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
            <p className="hint" id={`${fileId}-hint`}>
              Its fingerprint (thumbprint) is shown for you to compare with the one your helpdesk reads out; nothing is added before you confirm.
            </p>
          </div>
          <div role="status">{certificate?.status === 'inspecting' ? 'Reading the certificate…' : ''}</div>
          {certificate?.status === 'failed' && (
            <p role="alert" className="error">
              {certificate.name}: {certificate.error}
            </p>
          )}
          {certificate?.status === 'ready' && certificate.info && (
            <>
              <CertificateCheck name={certificate.name} info={certificate.info} technical={technical} />
              {!refused && (
                <Checkbox
                  className="checkbox"
                  checked={thumbprintOk}
                  disabled={applying !== null}
                  onChange={(_, d) => setThumbprintOk(d.checked === true)}
                  label={
                    <>
                      Every group of the fingerprint <code>{groupThumbprint(certificate.info.thumbprint)}</code> matches what my helpdesk told me
                    </>
                  }
                />
              )}
            </>
          )}
        </section>
      )}

      {refused && (
        <MessageBar intent="error" role="alert" layout="multiline" className="refusal">
          <MessageBarBody>
            <MessageBarTitle>The program will not make this change.</MessageBarTitle>{' '}
            {refusal
              ? reasonText(refusal)
              : 'This file is not the root certificate of the chain the DirectAccess server presented, so trusting it would not help and could be unsafe. Ask your helpdesk for the right file.'}{' '}
            Nothing was changed.
          </MessageBarBody>
        </MessageBar>
      )}
      {/* The file comes from the helpdesk, and a refusal sends the person there: say who it is. */}
      {(refused || (fromFile && !imported)) && <HelpdeskContact helpdesk={helpdesk} />}
      {failed && (
        <p role="alert" className="error">
          The program could not prepare this change: {failed.state?.error}
        </p>
      )}

      {/* Another computer's fix never runs here: how this computer would ask for an administrator is beside the point. */}
      {!imported && (
        <>
          <h2>Why Windows will ask for an administrator</h2>
          <p>{node.elevation}</p>
          {whyAdmin.map((w) => (
            <p key={w}>{w}</p>
          ))}
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              {simulated
                ? 'This is a simulated practice computer: no administrator prompt appears, and the change is made only to the simulation.'
                : 'When you apply the fix, Windows shows a prompt (User Account Control) asking for an administrator to allow it. If you say no, nothing is changed.'}
            </MessageBarBody>
          </MessageBar>
        </>
      )}
      {technical &&
        texts.map(({ id, text, state }) => <CommandList key={id} label={`Commands for ${id}`} commands={state?.preview?.commands ?? text.commands} />)}

      {!imported && (
        <div className="actions">
          <Button onClick={() => skipFixes(node.fixes)} disabled={applying !== null}>
            Not now: show the report for my helpdesk
          </Button>
        </div>
      )}
      <WizardFooter
        {...(onBack && applying === null ? { back: { label: 'Back', onClick: onBack } } : {})}
        {...(imported
          ? { primary: { label: 'Continue to the report', onClick: () => skipFixes(node.fixes) } }
          : !refused
            ? {
                primary: {
                  label: 'Apply the fix',
                  disabled: !ready || applying !== null,
                  describedBy: why ? noteId : undefined,
                  onClick: () => setConfirming(true),
                },
              }
            : {})}
      />
      <ConfirmDialog
        open={confirming && ready}
        title="Make this change now?"
        confirmLabel="Yes, make the change"
        // The dialog closes before the change starts: the screen (and the dialog with it) goes away when the change
        // ends, and a modal torn down while open leaves the page hidden from assistive technology.
        onConfirm={() => {
          setConfirming(false);
          void applyFixes(node, params);
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {title}
          {fromFile && certificate?.info ? ` (${certificate.info.subject}, ${groupThumbprint(certificate.info.thumbprint)})` : ''}.
          {simulated ? ' This is the practice computer: only the simulation changes.' : ' Windows will ask for an administrator.'}
        </p>
      </ConfirmDialog>
      <p role="status" className="busy">
        {applying ? `Making the change: ${fixText(applying, node).title}… ${simulated ? '' : 'Answer the administrator prompt if Windows shows one.'}` : ''}
      </p>
      {why && !refused && (
        <p className="hint" id={noteId}>
          {why}
        </p>
      )}
    </div>
  );
}
