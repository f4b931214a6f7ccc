/** A QR code as an image URL (lean-qr, about 4 KB, loaded only when a code is shown). */
export async function qrImage(text: string, scale = 4): Promise<string> {
  const { generate, correction } = await import('lean-qr');
  return generate(text, { minCorrectionLevel: correction.L }).toDataURL({ scale, pad: 4 });
}
