// Moved to shared/ so the Summary step shows the same words as the PDF.
export * from '../../shared/summary/date-words';
