/** The media type of a Word document (.docx), for downloads and the static site. */
export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
