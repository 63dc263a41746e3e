/**
 * Plain words for a file-system failure, so the user reads "the disk is full" or "the data folder
 * is read-only" instead of "ENOSPC" or an ENOENT about a folder Mailwright tried to make.
 */

/** Why a write failed, in a few words; undefined for errors that are not about the disk. */
export function storageReason(e: unknown): string | undefined {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'EROFS':
      return 'the data folder is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'the data folder is read-only for Mailwright (permission denied)';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'your disk quota is used up';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return undefined;
  }
}

/** `storageReason`, or the error's own message when it is something else. */
export function storageMessage(e: unknown): string {
  return storageReason(e) ?? (e as Error).message;
}
