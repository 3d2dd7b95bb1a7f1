// HTTPS: the certificate and key files are read and checked before uWS's SSLApp gets them,
// so that a missing file or a key that does not belong to the certificate stops the server
// with a message naming the file, instead of a server that accepts no connection.
import { readFileSync } from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { TlsConfig } from './config.js';

/** Why these files cannot serve HTTPS, or undefined. */
export function tlsProblem(tls: TlsConfig): string | undefined {
  const read = (key: string, file: string): Buffer | string => {
    try {
      return readFileSync(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
      return `tls.${key} '${file}' cannot be read (${why})`;
    }
  };
  const cert = read('cert_file', tls.certFile);
  if (typeof cert === 'string') return cert;
  const key = read('key_file', tls.keyFile);
  if (typeof key === 'string') return key;
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    return `tls.cert_file '${tls.certFile}' is not a PEM certificate`;
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    return `tls.key_file '${tls.keyFile}' is not a PEM private key (or it is encrypted)`;
  }
  if (!x509.checkPrivateKey(privateKey)) return `tls.key_file '${tls.keyFile}' does not match the certificate in tls.cert_file '${tls.certFile}'`;
  return undefined;
}
