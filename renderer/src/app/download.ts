/** Offer bytes as a browser download (Blob + a[download]), without any round trip to main. */
export function downloadBytes(fileName: string, mimeType: string, bytes: Uint8Array<ArrayBuffer>) {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offer text as a download, encoded as UTF-8 (the zone file, a private key's PEM). */
export function downloadText(
  fileName: string,
  text: string,
  mimeType = 'text/plain;charset=utf-8',
) {
  downloadBytes(fileName, mimeType, new TextEncoder().encode(text));
}
