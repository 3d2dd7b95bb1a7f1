// Colours for terminal output only: never in pipes, CI logs or files (and never with NO_COLOR).
import pc from 'picocolors';

export const colors = pc.createColors(Boolean(process.stderr.isTTY) && !process.env.NO_COLOR);
