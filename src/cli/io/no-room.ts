/** a write that found no room, wherever it went (a file, stdout): the reason in words and the first thing to try */
export function noRoom(code: string | undefined): { reason: string; fix: string } | undefined {
  switch (code) {
    case 'ENOSPC':
      return { reason: 'the disk is full', fix: 'free some space' };
    case 'EDQUOT':
      return { reason: 'the disk quota is used up', fix: 'free some space' };
    case 'EFBIG':
      return { reason: 'the file would be larger than this process may write (a file-size limit, ulimit -f)', fix: 'raise the limit' };
    default:
      return undefined;
  }
}
