import { readFile } from 'node:fs/promises';
import { LedgerlineError } from '../domain/errors.js';

/** The company's logo as PDF and HTML documents show it. */
export interface CompanyLogo {
  type: 'png' | 'jpeg';
  data: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Reads the logo file named in configuration once, and says clearly when it is missing or is not
 * a PNG or JPEG image (read by its first bytes, not its name).
 */
export async function loadCompanyLogo(path: string): Promise<CompanyLogo> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (error) {
    throw new LedgerlineError(
      'configuration',
      `the report logo ${path} cannot be read: ${(error as Error).message}`,
    );
  }
  return companyLogo(data, path);
}

/** A logo from its bytes, refused unless it is a PNG or JPEG image. */
export function companyLogo(data: Buffer, name = 'the logo'): CompanyLogo {
  if (data.subarray(0, 8).equals(PNG_SIGNATURE)) return { type: 'png', data };
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { type: 'jpeg', data };
  throw new LedgerlineError('configuration', `the report logo ${name} is not a PNG or JPEG image`);
}
