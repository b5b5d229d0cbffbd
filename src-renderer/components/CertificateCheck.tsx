/** The certificate file the person picked: its subject and thumbprint, and whether it is the server's root. */
import type { CertificateInfo } from '../../src-shared/ipc';

/** Props of the certificate check. */
export interface CertificateCheckProps {
  name: string;
  info: CertificateInfo;
  technical: boolean;
}

/** What the file is, in a definition list, and the match with the server's chain in words (not colour alone). */
export function CertificateCheck({ name, info, technical }: CertificateCheckProps) {
  const match =
    info.matchesChainRoot === true
      ? { cls: 'ok', text: "It matches: this is the root certificate of the server's chain." }
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
            <dd>{info.isCa ? 'yes' : 'no'}{info.selfSigned ? ', self-signed (a root)' : ''}</dd>
          </>
        )}
      </dl>
      <p className={`match match-${match.cls}`}>{match.text}</p>
    </div>
  );
}

/** A thumbprint in groups of four, as helpdesks read it out over the phone. */
export function groupThumbprint(t: string): string {
  return t.replace(/(.{4})(?=.)/g, '$1 ');
}
