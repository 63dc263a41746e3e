// Moved to shared/ so the Records and Summary steps show the same record status as the PDF.
export * from '../../shared/summary/record-status';
