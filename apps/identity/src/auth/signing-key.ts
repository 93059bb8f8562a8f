import fs from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, createHash } from 'node:crypto';
import { exportJWK, JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwks: { keys: JWK[] };
}

/** Loads the ES256 key from a PEM file, or (outside production) makes one for this run. */
export async function loadSigningKey(file: string | undefined): Promise<SigningKey> {
  const privateKey = file ? createPrivateKey(fs.readFileSync(file)) : generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('JWT_PRIVATE_KEY_FILE must hold an EC P-256 private key (ES256)');
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = await exportJWK(publicKey);
  const kid = createHash('sha256')
    .update(JSON.stringify([jwk.crv, jwk.x, jwk.y]))
    .digest('base64url')
    .slice(0, 16);
  return { kid, privateKey, publicKey, jwks: { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] } };
}
