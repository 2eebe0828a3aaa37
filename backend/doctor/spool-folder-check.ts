import { constants } from 'node:fs';
import { access, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { messageOf, type CheckResult, type DoctorSettings } from './doctor-check.js';

const NAME = 'spool folder';
/** Below this much free space the spool (and a SQLite database beside it) may soon stop. */
const LOW_SPACE_BYTES = 1024 ** 3;

/** The spool folder exists (or can be made), takes a file, and has room. */
export async function checkSpoolFolder(settings: DoctorSettings): Promise<CheckResult> {
  const dir = settings.spoolDir;
  const exists = await stat(dir).then(
    (info) => info.isDirectory(),
    () => null,
  );
  if (exists === false)
    return {
      name: NAME,
      status: 'fail',
      summary: `${dir} is a file, not a folder`,
      fix: 'choose a folder with --spool',
    };
  if (exists === null) {
    const parent = await nearestFolder(dir);
    const writable = await access(parent, constants.W_OK).then(
      () => true,
      () => false,
    );
    if (settings.spoolNamed || !writable)
      return {
        name: NAME,
        status: 'fail',
        summary: `${dir} does not exist${writable ? '' : ` and ${parent} is not writable`}`,
        fix: `create it (mkdir -p ${dir}) for the account Ledgerline runs as, or choose another with --spool`,
      };
    return {
      name: NAME,
      status: 'warn',
      summary: `${dir} does not exist yet`,
      fix: '`ledgerline record` and `ledgerline mine` create it; check the account they run as may write there',
    };
  }
  const probe = join(dir, `.doctor-${process.pid}.tmp`);
  try {
    await writeFile(probe, 'ledgerline doctor\n');
    await rm(probe);
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: `cannot write in ${dir}: ${messageOf(error)}`,
      fix: 'give the account Ledgerline runs as write access to the folder',
    };
  }
  const space = await statfs(dir);
  const free = space.bavail * space.bsize;
  const gib = (free / 1024 ** 3).toFixed(1);
  if (free < LOW_SPACE_BYTES)
    return {
      name: NAME,
      status: 'warn',
      summary: `${dir}: writable, only ${gib} GiB free`,
      fix: 'free space on that disk, or move the data folder',
    };
  return { name: NAME, status: 'ok', summary: `${dir}: writable, ${gib} GiB free` };
}

async function nearestFolder(path: string): Promise<string> {
  for (let at = dirname(path); ; at = dirname(at)) {
    const isFolder = await stat(at).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (isFolder || dirname(at) === at) return at;
  }
}
