/**
 * The certificate file the person picked: its subject and its fingerprint (thumbprint) grouped for reading aloud, and
 * how it relates to the server's chain. Matching the chain is a precondition, never a reassurance: on a network that
 * intercepts the connection the chain itself is the attacker's (DESIGN §4, knowledge C.6), so a matching file is not
 * shown as "good". What makes it safe is the person comparing the fingerprint with one the helpdesk reads out.
 */
import type { CertificateInfo } from '../../src-shared/ipc';

/** Props of the certificate check. */
export interface CertificateCheckProps {
  name: string;
  info: CertificateInfo;
  technical: boolean;
}

/** What the file is, in a definition list, the chain precondition in words, and what the person must compare. */
export function CertificateCheck({ name, info, technical }: CertificateCheckProps) {
  const groups = thumbprintGroups(info.thumbprint);
  const chain =
    info.matchesChainRoot === true
      ? {
          cls: 'neutral',
          text: "This file is the root certificate the server's chain ends in. That is needed, but it does not prove the file is your organisation's: on some networks the chain itself is forged.",
        }
      : info.matchesChainRoot === false
        ? { cls: 'bad', text: "It does not match: this is not the root certificate of the server's chain." }
        : { cls: 'warn', text: "The server's chain is not known, so the file cannot be checked against it." };
  return (
    <div className="certificate">
      <dl className="facts">
        <dt>File</dt>
        <dd>{name}</dd>
        <dt>Issued to (subject)</dt>
        <dd>{info.subject}</dd>
        <dt>Fingerprint (thumbprint)</dt>
        <dd>
          <code className="thumbprint">{groupThumbprint(info.thumbprint)}</code>
        </dd>
        <dt>Valid until</dt>
        <dd>{info.notAfter.slice(0, 10)}</dd>
        {technical && (
          <>
            <dt>Issuer</dt>
            <dd>{info.issuer}</dd>
            <dt>Certificate authority</dt>
            <dd>
              {info.isCa ? 'yes' : 'no'}
              {info.selfSigned ? ', self-signed (a root)' : ''}
            </dd>
          </>
        )}
      </dl>
      <p className={`match match-${chain.cls}`}>{chain.text}</p>
      {info.matchesChainRoot === true && (
        <p className="compare">
          Ask your helpdesk to read out the fingerprint of your organisation&apos;s root certificate, and compare it with the one above, group by group (
          {groups.length} groups of four: first <code>{groups[0]}</code>, last <code>{groups[groups.length - 1]}</code>). Only if every group is the same is
          this the right file.
        </p>
      )}
    </div>
  );
}

/** A thumbprint's groups of four characters, as helpdesks read them out over the phone. */
export function thumbprintGroups(t: string): string[] {
  return (
    t
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  );
}

/** A thumbprint in groups of four, as helpdesks read it out over the phone. */
export function groupThumbprint(t: string): string {
  return thumbprintGroups(t).join(' ');
}
