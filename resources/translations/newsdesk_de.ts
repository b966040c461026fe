<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArticleFiles</name>
    <message>
        <source>Your latest changes are not saved yet (Ctrl+S saves).</source>
        <translation>Ihre letzten Änderungen sind noch nicht gespeichert (Strg+S speichert).</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation>„%1“ gespeichert</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Von der Festplatte neu laden</translation>
    </message>
    <message>
        <source>Reloaded “%1” from disk</source>
        <translation>„%1“ neu geladen</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Saved as “%1”</source>
        <translation>Gespeichert als „%1“</translation>
    </message>
    <message>
        <source>article</source>
        <translation>artikel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Texts and drafts (%1)</source>
        <translation>Texte und Entwürfe (%1)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Your latest changes are not saved.</source>
        <translation>Ihre letzten Änderungen sind nicht gespeichert.</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Quit Without Saving</source>
        <translation>Beenden ohne zu speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Unsaved article</source>
        <translation>Ungespeicherter Artikel</translation>
    </message>
    <message>
        <source>Newsdesk kept an article you never saved: “%1”.</source>
        <translation>Newsdesk hat einen Artikel aufbewahrt, den Sie nie gespeichert haben: „%1“.</translation>
    </message>
    <message>
        <source>Open It</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Delete It</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Open it to go on writing, then save it where you like.</source>
        <translation>Öffnen Sie ihn, um weiterzuschreiben, und speichern Sie ihn dann, wo Sie möchten.</translation>
    </message>
    <message>
        <source>Exported “%1”</source>
        <translation>„%1“ exportiert</translation>
    </message>
    <message>
        <source>Before restoring the revision of %1</source>
        <translation>Vor dem Wiederherstellen der Version von %1</translation>
    </message>
    <message>
        <source>Restore revision of %1</source>
        <translation>Version von %1 wiederherstellen</translation>
    </message>
    <message>
        <source>Restored the revision of %1</source>
        <translation>Version von %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artikel ohne Titel</translation>
    </message>
    <message>
        <source>Exported “%1”; no browser could open it</source>
        <translation>„%1“ exportiert; kein Browser konnte die Seite öffnen</translation>
    </message>
    <message>
        <source>Restore revision</source>
        <translation>Version wiederherstellen</translation>
    </message>
    <message>
        <source>Replace the article with the revision of %1?</source>
        <translation>Den Artikel durch die Version von %1 ersetzen?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Your current text is kept as a revision, and Edit &gt; Undo brings it back.</source>
        <translation>Ihr aktueller Text bleibt als Version erhalten, und Bearbeiten &gt; Rückgängig holt ihn zurück.</translation>
    </message>
</context>
<context>
    <name>CountsStatus</name>
    <message>
        <source>Section: %1 words, %2 characters</source>
        <translation>Abschnitt: %1 Wörter, %2 Zeichen</translation>
    </message>
    <message>
        <source>Article: %1 words, %2 characters</source>
        <translation>Artikel: %1 Wörter, %2 Zeichen</translation>
    </message>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n Minute Lesezeit</numerusform>
            <numerusform>%n Minuten Lesezeit</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 / %2 words</source>
        <translation>%1 / %2 Wörter</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 Zeichen</translation>
    </message>
    <message>
        <source>Length target: %1 %</source>
        <translation>Umfangsziel: %1 %</translation>
    </message>
    <message>
        <source>Length target</source>
        <translation>Umfangsziel</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Zählen</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>(%1 over)</source>
        <translation>(%1 zu viel)</translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>Add section</source>
        <translation>Abschnitt hinzufügen</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>Abschnitt löschen</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>Abschnitt verschieben</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Abschnitt umbenennen</translation>
    </message>
    <message>
        <source>Change section kind</source>
        <translation>Abschnittsart ändern</translation>
    </message>
    <message>
        <source>Replace section text</source>
        <translation>Abschnittstext ersetzen</translation>
    </message>
    <message>
        <source>Edit article details</source>
        <translation>Artikelangaben bearbeiten</translation>
    </message>
    <message>
        <source>Restore revision</source>
        <translation>Version wiederherstellen</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Typing</source>
        <translation>Tippen</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Foto hinzufügen</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <source>Move photo</source>
        <translation>Foto verschieben</translation>
    </message>
    <message>
        <source>Edit photo details</source>
        <translation>Fotoangaben bearbeiten</translation>
    </message>
    <message>
        <source>Rotate photo</source>
        <translation>Foto drehen</translation>
    </message>
    <message>
        <source>Crop photo</source>
        <translation>Foto zuschneiden</translation>
    </message>
    <message>
        <source>Set focal point</source>
        <translation>Bildmittelpunkt setzen</translation>
    </message>
    <message>
        <source>Replace photo</source>
        <translation>Foto ersetzen</translation>
    </message>
    <message>
        <source>Add related link</source>
        <translation>Weiterführenden Link hinzufügen</translation>
    </message>
    <message>
        <source>Edit related link</source>
        <translation>Weiterführenden Link bearbeiten</translation>
    </message>
    <message>
        <source>Edit related links heading</source>
        <translation>Überschrift der weiterführenden Links bearbeiten</translation>
    </message>
    <message>
        <source>Move related link</source>
        <translation>Weiterführenden Link verschieben</translation>
    </message>
    <message>
        <source>Remove related link</source>
        <translation>Weiterführenden Link entfernen</translation>
    </message>
    <message>
        <source>Empty the lead</source>
        <translation>Vorspann leeren</translation>
    </message>
    <message>
        <source>Change opinion label</source>
        <translation>Kennzeichnung der Meinung ändern</translation>
    </message>
</context>
<context>
    <name>ErrorDialogs</name>
    <message>
        <source>Newsdesk</source>
        <translation>Newsdesk</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Line width:</source>
        <translation>Zeilenbreite:</translation>
    </message>
    <message>
        <source>No wrapping</source>
        <translation>Kein Umbruch</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papier:</translation>
    </message>
    <message>
        <source>System setting</source>
        <translation>Systemeinstellung</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter (US)</translation>
    </message>
    <message>
        <source>Agency text: wrap lines at this width, as a wire or an old editing system wants them; without wrapping every paragraph is one line.</source>
        <translation>Agenturtext: Zeilen bei dieser Breite umbrechen, wie es ein Ticker oder ein altes Redaktionssystem verlangt; ohne Umbruch ist jeder Absatz eine Zeile.</translation>
    </message>
    <message>
        <source>Strict: refuse to export while the check finds errors</source>
        <translation>Streng: nicht exportieren, solange die Prüfung Fehler findet</translation>
    </message>
    <message>
        <source>“Strict” is on: nothing is exported while the check finds errors.</source>
        <translation>„Streng“ ist eingeschaltet: Solange die Prüfung Fehler findet, wird nichts exportiert.</translation>
    </message>
    <message>
        <source>Export HTML</source>
        <translation>HTML exportieren</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The check found %n error(s) readers would notice:</source>
        <translation>
            <numerusform>Die Prüfung hat %n Fehler gefunden, den Leser bemerken würden:</numerusform>
            <numerusform>Die Prüfung hat %n Fehler gefunden, die Leser bemerken würden:</numerusform>
        </translation>
    </message>
    <message>
        <source>Standalone file (photos inside)</source>
        <translation>Einzelne Datei (Fotos darin)</translation>
    </message>
    <message>
        <source>Folder with photos</source>
        <translation>Ordner mit Fotos</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>Open the page in the default browser afterwards</source>
        <translation>Seite danach im Standardbrowser öffnen</translation>
    </message>
    <message>
        <source>Export Anyway</source>
        <translation>Trotzdem exportieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>The images go into the folder “%1” next to the page.</source>
        <translation>Die Bilder kommen in den Ordner „%1“ neben der Seite.</translation>
    </message>
    <message>
        <source>Web pages (*.html *.htm)</source>
        <translation>Webseiten (*.html *.htm)</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>Den Ordner „%1“ gibt es nicht.</translation>
    </message>
    <message>
        <source>“%1” is a folder; give the page a file name.</source>
        <translation>„%1“ ist ein Ordner; geben Sie der Seite einen Dateinamen.</translation>
    </message>
    <message>
        <source>“%1” already exists. Replace it?</source>
        <translation>„%1“ gibt es schon. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Agency text (.txt)</source>
        <translation>Agenturtext (.txt)</translation>
    </message>
    <message>
        <source>Creator, credit line, copyright and caption go into each exported photo (IPTC), as newsrooms and search engines read them.</source>
        <translation>Urheber, Bildnachweis, Copyright und Bildunterschrift kommen in jedes exportierte Foto (IPTC), so wie Redaktionen und Suchmaschinen sie lesen.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <translation>Markdown (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Markdown with a photo folder (.md)</source>
        <translation>Markdown mit Fotoordner (.md)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>PDF proof (.pdf)</source>
        <translation>PDF-Korrekturabzug (.pdf)</translation>
    </message>
    <message>
        <source>Photos carry their credit</source>
        <translation>Fotos tragen ihren Bildnachweis</translation>
    </message>
    <message>
        <source>Texts (*.txt)</source>
        <translation>Texte (*.txt)</translation>
    </message>
    <message>
        <source>The photos go into the folder “%1” next to the file.</source>
        <translation>Die Fotos kommen in den Ordner „%1“ neben der Datei.</translation>
    </message>
    <message>
        <source>Web page (.html)</source>
        <translation>Webseite (.html)</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word-Dokument (.docx)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-Dokumente (*.docx)</translation>
    </message>
    <message>
        <source>“%1” is a folder; give the file a name.</source>
        <translation>„%1“ ist ein Ordner; geben Sie der Datei einen Namen.</translation>
    </message>
</context>
<context>
    <name>FindReplaceDialog</name>
    <message>
        <source>Find and Replace</source>
        <translation>Suchen und Ersetzen</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>&amp;Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>Nur ganze &amp;Wörter</translation>
    </message>
    <message>
        <source>&amp;Find Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>&amp;Alle ersetzen</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>Ersetzen durch:</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translation>&amp;Ersetzen …</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Match %1 of %2</source>
        <translation>Treffer %1 von %2</translation>
    </message>
    <message>
        <source>Search wrapped to the beginning. </source>
        <translation>Suche am Anfang fortgesetzt. </translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message numerus="yes">
        <source>Replaced %n occurrence(s)</source>
        <translation>
            <numerusform>%n Stelle ersetzt</numerusform>
            <numerusform>%n Stellen ersetzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadlineBar</name>
    <message>
        <source>Headline</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Subheadline</source>
        <translation>Unterzeile</translation>
    </message>
    <message>
        <source>Edit headline</source>
        <translation>Überschrift bearbeiten</translation>
    </message>
    <message>
        <source>Edit subheadline</source>
        <translation>Unterzeile bearbeiten</translation>
    </message>
</context>
<context>
    <name>ImageList</name>
    <message>
        <source>No photo chosen yet</source>
        <translation>Noch kein Foto ausgewählt</translation>
    </message>
    <message>
        <source>Photo without caption</source>
        <translation>Foto ohne Bildunterschrift</translation>
    </message>
    <message>
        <source>Lead photo</source>
        <translation>Aufmacherfoto</translation>
    </message>
    <message>
        <source>In the text</source>
        <translation>Im Text</translation>
    </message>
</context>
<context>
    <name>ImageFields</name>
    <message>
        <source>Lead photo</source>
        <translation>Aufmacherfoto</translation>
    </message>
    <message>
        <source>In the text</source>
        <translation>Im Text</translation>
    </message>
    <message>
        <source>What the photo shows, for readers who can&apos;t see it</source>
        <translation>Was das Foto zeigt, für Leser, die es nicht sehen können</translation>
    </message>
    <message>
        <source>Photographer / agency</source>
        <translation>Fotograf / Agentur</translation>
    </message>
    <message>
        <source>Illustrative image (symbol image)</source>
        <translation>Symbolbild</translation>
    </message>
    <message>
        <source>The photo only illustrates the topic; readers are told so below it</source>
        <translation>Das Foto veranschaulicht nur das Thema; darunter steht ein Hinweis für die Leser</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>Choose another symbol-image notice</source>
        <translation>Einen anderen Symbolbild-Hinweis wählen</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Verwendung:</translation>
    </message>
    <message>
        <source>Caption:</source>
        <translation>Bildunterschrift:</translation>
    </message>
    <message>
        <source>Alt text:</source>
        <translation>Alternativtext:</translation>
    </message>
    <message>
        <source>Credit:</source>
        <translation>Bildnachweis:</translation>
    </message>
    <message>
        <source>Copyright:</source>
        <translation>Copyright:</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>Hinweis:</translation>
    </message>
    <message>
        <source>Edit caption</source>
        <translation>Bildunterschrift bearbeiten</translation>
    </message>
    <message>
        <source>Edit alt text</source>
        <translation>Alternativtext bearbeiten</translation>
    </message>
    <message>
        <source>Edit credit</source>
        <translation>Bildnachweis bearbeiten</translation>
    </message>
    <message>
        <source>Edit copyright</source>
        <translation>Copyright bearbeiten</translation>
    </message>
    <message>
        <source>Edit symbol-image notice</source>
        <translation>Symbolbild-Hinweis bearbeiten</translation>
    </message>
    <message>
        <source>Change photo role</source>
        <translation>Verwendung des Fotos ändern</translation>
    </message>
    <message>
        <source>Mark as symbol image</source>
        <translation>Als Symbolbild kennzeichnen</translation>
    </message>
    <message>
        <source>Unmark symbol image</source>
        <translation>Symbolbild-Kennzeichnung entfernen</translation>
    </message>
    <message>
        <source>Use symbol-image notice</source>
        <translation>Symbolbild-Hinweis verwenden</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n Zeichen</numerusform>
            <numerusform>%n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Describe what the photo shows, for readers who cannot see it.</source>
        <translation>Beschreiben Sie, was das Foto zeigt, für Leser, die es nicht sehen können.</translation>
    </message>
    <message>
        <source>The alt text repeats the caption. Describe what the photo shows instead.</source>
        <translation>Der Alternativtext wiederholt die Bildunterschrift. Beschreiben Sie stattdessen, was das Foto zeigt.</translation>
    </message>
    <message>
        <source>The alt text is longer than %1 characters. Keep to what the photo shows.</source>
        <translation>Der Alternativtext ist länger als %1 Zeichen. Beschränken Sie sich auf das, was das Foto zeigt.</translation>
    </message>
    <message>
        <source>Leave out “Photo of …”: screen readers already say that it is an image.</source>
        <translation>Lassen Sie „Foto von …“ weg: Screenreader sagen bereits, dass es ein Bild ist.</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Choose a Photo</source>
        <translation>Foto auswählen</translation>
    </message>
    <message>
        <source>Add Photo…</source>
        <translation>Foto hinzufügen…</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ersetzen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Rotate Left</source>
        <translation>Nach links drehen</translation>
    </message>
    <message>
        <source>Rotate Right</source>
        <translation>Nach rechts drehen</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Crop to a shape; the original photo is kept</source>
        <translation>Auf ein Format zuschneiden; das Originalfoto bleibt erhalten</translation>
    </message>
    <message>
        <source>Crop:</source>
        <translation>Zuschnitt:</translation>
    </message>
    <message>
        <source>No photos yet. Add one, or drop a photo file (JPEG, PNG, WebP) here.</source>
        <translation>Noch keine Fotos. Fügen Sie eines hinzu oder ziehen Sie eine Fotodatei (JPEG, PNG, WebP) hierher.</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Foto hinzufügen</translation>
    </message>
    <message>
        <source>Replace photo</source>
        <translation>Foto ersetzen</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <source>Photo not used</source>
        <translation>Foto nicht übernommen</translation>
    </message>
    <message>
        <source>Rotate photo</source>
        <translation>Foto drehen</translation>
    </message>
    <message>
        <source>Crop photo</source>
        <translation>Foto zuschneiden</translation>
    </message>
    <message>
        <source>Set focal point</source>
        <translation>Bildmittelpunkt setzen</translation>
    </message>
    <message>
        <source>The photo itself is missing. Choose its file with “Choose Photo…” or drop it here.</source>
        <translation>Das Foto selbst fehlt. Wählen Sie die Datei mit „Foto wählen…“ oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <source>This photo cannot be shown: %1</source>
        <translation>Dieses Foto kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Loading the photo…</source>
        <translation>Foto wird geladen…</translation>
    </message>
    <message>
        <source>Choose Photo…</source>
        <translation>Foto wählen…</translation>
    </message>
    <message>
        <source>Move photo</source>
        <translation>Foto verschieben</translation>
    </message>
</context>
<!-- p18 start -->
<context>
    <name>SectionHeading</name>
    <message>
        <source>Section heading</source>
        <translation>Abschnittsüberschrift</translation>
    </message>
    <message>
        <source>Lead (no heading)</source>
        <translation>Vorspann (ohne Überschrift)</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Kasten</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Abschnitt umbenennen</translation>
    </message>
</context>
<context>
    <name>PhotoCaptions</name>
    <message>
        <source>No caption yet</source>
        <translation>Noch keine Bildunterschrift</translation>
    </message>
</context>
<context>
    <name>ArticleViews</name>
    <message>
        <source>&amp;Whole Article</source>
        <translation>&amp;Ganzer Artikel</translation>
    </message>
    <message>
        <source>&amp;Single Section</source>
        <translation>&amp;Einzelner Abschnitt</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
</context>
<context>
    <name>CrossSelection</name>
    <message>
        <source>Delete across sections</source>
        <translation>Über Abschnitte hinweg löschen</translation>
    </message>
</context>
<context>
    <name>CopyArticle</name>
    <message>
        <source>Copy &amp;Article</source>
        <translation>&amp;Artikel kopieren</translation>
    </message>
    <message>
        <source>Article copied (%1 words) as formatted text, agency text and Markdown</source>
        <translation>Artikel kopiert (%1 Wörter): als formatierter Text, Agenturtext und Markdown</translation>
    </message>
</context>
<context>
    <name>AppearanceMenu</name>
    <message>
        <source>&amp;Appearance</source>
        <translation>&amp;Erscheinungsbild</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
</context>
<context>
    <name>FocusMode</name>
    <message>
        <source>F&amp;ocus</source>
        <translation>F&amp;okus</translation>
    </message>
    <message>
        <source>&amp;Focus</source>
        <translation>&amp;Fokus</translation>
    </message>
    <message>
        <source>Leave Focus</source>
        <translation>Fokus beenden</translation>
    </message>
</context>
<!-- p18 end -->
<context>
    <name>InlineImages</name>
    <message>
        <source>This photo is no longer in the article</source>
        <translation>Dieses Foto gehört nicht mehr zum Artikel</translation>
    </message>
    <message>
        <source>Photo missing: %1</source>
        <translation>Foto fehlt: %1</translation>
    </message>
    <message>
        <source>This photo cannot be shown</source>
        <translation>Dieses Foto kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Insert photo</source>
        <translation>Foto einfügen</translation>
    </message>
    <message>
        <source>Insert a Photo</source>
        <translation>Foto einfügen</translation>
    </message>
    <message>
        <source>Photo not used</source>
        <translation>Foto nicht übernommen</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The new language applies when you start Newsdesk again.</source>
        <translation>Die neue Sprache gilt, sobald Sie Newsdesk neu starten.</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Links to %1</source>
        <translation>Verlinkt auf %1</translation>
    </message>
    <message>
        <source>Edit Link</source>
        <translation>Link bearbeiten</translation>
    </message>
    <message>
        <source>Insert Link</source>
        <translation>Link einfügen</translation>
    </message>
    <message>
        <source>Shown in the article</source>
        <translation>Im Artikel sichtbar</translation>
    </message>
    <message>
        <source>https://… or name@example.org</source>
        <translation>https://… oder name@example.org</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>Link &amp;entfernen</translation>
    </message>
    <message>
        <source>Only web addresses (http, https) and e-mail addresses can be linked.</source>
        <translation>Verlinken lassen sich nur Webadressen (http, https) und E-Mail-Adressen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Newsdesk articles (*.newsdesk)</source>
        <translation>Newsdesk-Artikel (*.newsdesk)</translation>
    </message>
    <message>
        <source>Found in the article details</source>
        <translation>In den Artikelangaben gefunden</translation>
    </message>
    <message>
        <source>Unsaved article</source>
        <translation>Ungespeicherter Artikel</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(schreibgeschützt)</translation>
    </message>
</context>
<context>
    <name>MetadataPane</name>
    <message>
        <source>not set (2026-11-29 or 2026-11-29T14:30)</source>
        <translation>nicht gesetzt (2026-11-29 oder 2026-11-29T14:30)</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. harbour, city council</source>
        <translation>Durch Kommas getrennt, z. B. Hafen, Stadtrat</translation>
    </message>
    <message>
        <source>Place of the report</source>
        <translation>Ort der Meldung</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>Set the publish date to the current date and time</source>
        <translation>Das Veröffentlichungsdatum auf Datum und Uhrzeit von jetzt setzen</translation>
    </message>
    <message>
        <source>A language tag like de, en or de-AT</source>
        <translation>Ein Sprachkürzel wie de, en oder de-AT</translation>
    </message>
    <message>
        <source>Follow headline</source>
        <translation>Folgt der Überschrift</translation>
    </message>
    <message>
        <source>Make the slug from the headline; untick to keep it when the headline changes</source>
        <translation>Den Slug aus der Überschrift bilden; abwählen, um ihn bei Änderungen der Überschrift zu behalten</translation>
    </message>
    <message>
        <source>Teaser for search results and social cards</source>
        <translation>Anreißer für Suchergebnisse und Social-Media-Karten</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Subheadline</source>
        <translation>Unterzeile</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>Dachzeile</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Autorenzeile</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>Ortsmarke</translation>
    </message>
    <message>
        <source>Publish date</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Edit headline</source>
        <translation>Überschrift bearbeiten</translation>
    </message>
    <message>
        <source>Edit subheadline</source>
        <translation>Unterzeile bearbeiten</translation>
    </message>
    <message>
        <source>Edit kicker</source>
        <translation>Dachzeile bearbeiten</translation>
    </message>
    <message>
        <source>Edit byline</source>
        <translation>Autorenzeile bearbeiten</translation>
    </message>
    <message>
        <source>Edit dateline</source>
        <translation>Ortsmarke bearbeiten</translation>
    </message>
    <message>
        <source>Edit publish date</source>
        <translation>Veröffentlichungsdatum bearbeiten</translation>
    </message>
    <message>
        <source>Change language</source>
        <translation>Sprache ändern</translation>
    </message>
    <message>
        <source>Edit slug</source>
        <translation>Slug bearbeiten</translation>
    </message>
    <message>
        <source>Edit description</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>Schlagwörter bearbeiten</translation>
    </message>
    <message>
        <source>made from the headline</source>
        <translation>aus der Überschrift gebildet</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 Zeichen</translation>
    </message>
    <message>
        <source>Too long: search results show about %1 characters</source>
        <translation>Zu lang: Suchergebnisse zeigen etwa %1 Zeichen</translation>
    </message>
    <message>
        <source>Long for a web headline: teasers and social cards cut it</source>
        <translation>Lang für eine Web-Überschrift: Anreißer und Social-Media-Karten kürzen sie</translation>
    </message>
    <message>
        <source>Search results cut the description after about %1 characters</source>
        <translation>Suchergebnisse kürzen die Beschreibung nach etwa %1 Zeichen</translation>
    </message>
    <message>
        <source>Not a date like 2026-11-29 or 2026-11-29T14:30</source>
        <translation>Kein Datum wie 2026-11-29 oder 2026-11-29T14:30</translation>
    </message>
    <message>
        <source>Not a language tag like de or en-GB</source>
        <translation>Kein Sprachkürzel wie de oder en-GB</translation>
    </message>
    <message>
        <source>%1 (the publication's)</source>
        <translation>%1 (der Publikation)</translation>
    </message>
</context>
<context>
    <name>PhotoFiles</name>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Fotos (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>PhotoView</name>
    <message>
        <source>Click or drag to set the focal point that crops keep in view</source>
        <translation>Klicken oder ziehen, um den Bildmittelpunkt zu setzen, den jeder Zuschnitt im Bild behält</translation>
    </message>
</context>
<context>
    <name>PreflightMessages</name>
    <message>
        <source>No publication is chosen (File &gt; Publication Settings): the page will lack %1</source>
        <translation>Keine Publikation gewählt (Datei &gt; Publikationseinstellungen): Der Seite fehlen %1</translation>
    </message>
    <message>
        <source>The publication “%1” lacks data: the page will lack %2</source>
        <translation>Der Publikation „%1“ fehlen Angaben: Der Seite fehlen %2</translation>
    </message>
    <message>
        <source>The publication “%1” cannot be used; the page will lack its social and search data</source>
        <translation>Die Publikation „%1“ ist nicht verwendbar; der Seite fehlen die Angaben für soziale Netzwerke und Suchmaschinen</translation>
    </message>
    <message>
        <source>its own address (canonical link, og:url)</source>
        <translation>ihre eigene Adresse (Canonical-Link, og:url)</translation>
    </message>
    <message>
        <source>an image address social networks can fetch (og:image)</source>
        <translation>eine Bildadresse, die soziale Netzwerke abrufen können (og:image)</translation>
    </message>
    <message>
        <source>the site name (og:site_name)</source>
        <translation>der Name der Website (og:site_name)</translation>
    </message>
    <message>
        <source>the publisher (JSON-LD publisher)</source>
        <translation>der Herausgeber (JSON-LD publisher)</translation>
    </message>
    <message>
        <source>The article has no headline</source>
        <translation>Der Artikel hat keine Überschrift</translation>
    </message>
    <message>
        <source>The headline has %1 characters; search results show about %2</source>
        <translation>Die Überschrift hat %1 Zeichen; Suchergebnisse zeigen etwa %2</translation>
    </message>
    <message>
        <source>The article has no description (teaser) for search and social media</source>
        <translation>Der Artikel hat keine Beschreibung (Teaser) für Suche und soziale Medien</translation>
    </message>
    <message>
        <source>The description has %1 characters; keep it to %2</source>
        <translation>Die Beschreibung hat %1 Zeichen; höchstens %2 sind gut</translation>
    </message>
    <message>
        <source>The article has no byline</source>
        <translation>Der Artikel hat keine Autorenzeile</translation>
    </message>
    <message>
        <source>The language “%1” is not a language tag like “de” or “en-GB”</source>
        <translation>Die Sprache „%1“ ist kein Sprachkürzel wie „de“ oder „en-GB“</translation>
    </message>
    <message>
        <source>The publish date “%1” is not a date like 2026-11-29</source>
        <translation>Das Veröffentlichungsdatum „%1“ ist kein Datum wie 2026-11-29</translation>
    </message>
    <message>
        <source>The slug should be lower-case letters, digits and hyphens</source>
        <translation>Der Slug sollte nur Kleinbuchstaben, Ziffern und Bindestriche enthalten</translation>
    </message>
    <message>
        <source>The article has no text yet</source>
        <translation>Der Artikel hat noch keinen Text</translation>
    </message>
    <message>
        <source>%1: the section is empty</source>
        <translation>%1: Der Abschnitt ist leer</translation>
    </message>
    <message>
        <source>%1: no heading</source>
        <translation>%1: keine Zwischenüberschrift</translation>
    </message>
    <message>
        <source>%1: readers cannot follow the link to “%2”</source>
        <translation>%1: Dem Link auf „%2“ können Leser nicht folgen</translation>
    </message>
    <message>
        <source>%1: places an image that is not in the article</source>
        <translation>%1: zeigt ein Bild, das nicht im Artikel ist</translation>
    </message>
    <message>
        <source>The article has no lead image</source>
        <translation>Der Artikel hat kein Aufmacherbild</translation>
    </message>
    <message>
        <source>The article has more than one lead image</source>
        <translation>Der Artikel hat mehr als ein Aufmacherbild</translation>
    </message>
    <message>
        <source>%1: the photo file is missing</source>
        <translation>%1: Die Bilddatei fehlt</translation>
    </message>
    <message>
        <source>%1: no alt text</source>
        <translation>%1: kein Alternativtext</translation>
    </message>
    <message>
        <source>%1: the alt text repeats the caption; describe what the picture shows</source>
        <translation>%1: Der Alternativtext wiederholt die Bildunterschrift; beschreiben Sie, was das Bild zeigt</translation>
    </message>
    <message>
        <source>%1: the alt text has %2 characters; keep it under %3</source>
        <translation>%1: Der Alternativtext hat %2 Zeichen; bleiben Sie unter %3</translation>
    </message>
    <message>
        <source>%1: no caption</source>
        <translation>%1: keine Bildunterschrift</translation>
    </message>
    <message>
        <source>%1: no credit</source>
        <translation>%1: kein Bildnachweis</translation>
    </message>
    <message>
        <source>%1: a symbol image needs a disclaimer</source>
        <translation>%1: Ein Symbolbild braucht einen Hinweis</translation>
    </message>
    <message>
        <source>%1: has a disclaimer but is not marked as a symbol image</source>
        <translation>%1: hat einen Hinweis, ist aber nicht als Symbolbild markiert</translation>
    </message>
    <message>
        <source>The related links have no heading</source>
        <translation>Die weiterführenden Links haben keine Überschrift</translation>
    </message>
    <message>
        <source>%1: no title</source>
        <translation>%1: kein Titel</translation>
    </message>
    <message>
        <source>%1: no URL</source>
        <translation>%1: keine URL</translation>
    </message>
    <message>
        <source>%1: “%2” is not a web address (http or https)</source>
        <translation>%1: „%2“ ist keine Webadresse (http oder https)</translation>
    </message>
    <message>
        <source>Lead image “%1”</source>
        <translation>Aufmacherbild „%1“</translation>
    </message>
    <message>
        <source>Lead image</source>
        <translation>Aufmacherbild</translation>
    </message>
    <message>
        <source>Inline image “%1”</source>
        <translation>Bild im Text „%1“</translation>
    </message>
    <message>
        <source>Inline image</source>
        <translation>Bild im Text</translation>
    </message>
    <message>
        <source>Section “%1”</source>
        <translation>Abschnitt „%1“</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Abschnitt %1</translation>
    </message>
    <message>
        <source>Related link “%1”</source>
        <translation>Weiterführender Link „%1“</translation>
    </message>
    <message>
        <source>Related link %1</source>
        <translation>Weiterführender Link %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>The related links show the default heading “%1”</source>
        <translation>Die weiterführenden Links tragen die Standardüberschrift „%1“</translation>
    </message>
    <message>
        <source>%1: placed in no section (the page shows it after the last one)</source>
        <translation>%1: in keinem Abschnitt platziert (die Seite zeigt es nach dem letzten)</translation>
    </message>
    <message>
        <source>%1: unknown word “%2”</source>
        <translation>%1: unbekanntes Wort „%2“</translation>
    </message>
    <message>
        <source>%1: unknown word “%2” (%3 times)</source>
        <translation>%1: unbekanntes Wort „%2“ (%3-mal)</translation>
    </message>
    <message>
        <source>No dictionary for %1; spelling is not checked</source>
        <translation>Kein Wörterbuch für %1; die Rechtschreibung wird nicht geprüft</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Subheadline</source>
        <translation>Unterzeile</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>%1, heading</source>
        <translation>%1, Zwischentitel</translation>
    </message>
    <message>
        <source>%1, caption</source>
        <translation>%1, Bildunterschrift</translation>
    </message>
    <message>
        <source>%1, alt text</source>
        <translation>%1, Alternativtext</translation>
    </message>
    <message>
        <source>%1: the page layout hides the credit (%2)</source>
        <translation>%1: Das Seitenlayout verbirgt den Bildnachweis (%2)</translation>
    </message>
    <message>
        <source>%1: the page layout hides the copyright notice (%2)</source>
        <translation>%1: Das Seitenlayout verbirgt den Copyright-Vermerk (%2)</translation>
    </message>
    <message>
        <source>%1: the page layout hides the symbol-image disclaimer (%2)</source>
        <translation>%1: Das Seitenlayout verbirgt den Symbolbild-Hinweis (%2)</translation>
    </message>
    <message>
        <source>%1: the page layout hides the opinion label (%2)</source>
        <translation>%1: Das Seitenlayout verbirgt die Meinungskennzeichnung (%2)</translation>
    </message>
    <message>
        <source>The page layout cannot be used (the preview shows Standard): %1</source>
        <translation>Das Seitenlayout ist nicht verwendbar (die Vorschau zeigt Standard): %1</translation>
    </message>
    <message>
        <source>The page layout was not checked for hidden credits and labels</source>
        <translation>Das Seitenlayout wurde nicht auf verborgene Bildnachweise und Kennzeichnungen geprüft</translation>
    </message>
    <message>
        <source>not displayed</source>
        <translation>nicht angezeigt</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>versteckt</translation>
    </message>
    <message>
        <source>transparent</source>
        <translation>durchsichtig</translation>
    </message>
    <message>
        <source>transparent colour or the background’s colour</source>
        <translation>durchsichtige Farbe oder Farbe des Hintergrunds</translation>
    </message>
    <message>
        <source>too small to read</source>
        <translation>zu klein zum Lesen</translation>
    </message>
    <message>
        <source>clipped away</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>moved off the page</source>
        <translation>aus der Seite geschoben</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>Ready to publish</source>
        <translation>Bereit zur Veröffentlichung</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hint(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Check findings</source>
        <translation>Ergebnisse der Prüfung</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Show the page&apos;s own dark style, as readers whose system is set to dark see it</source>
        <translation>Die eigene dunkle Darstellung der Seite zeigen, wie Leser sie sehen, deren System auf dunkel eingestellt ist</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Simplified preview: %1 Layout and fonts may differ from the exported page.</source>
        <translation>Vereinfachte Vorschau: %1 Layout und Schriften können von der exportierten Seite abweichen.</translation>
    </message>
    <message>
        <source>the web engine is switched off (NEWSDESK_PREVIEW=basic).</source>
        <translation>Die Web-Engine ist abgeschaltet (NEWSDESK_PREVIEW=basic).</translation>
    </message>
    <message>
        <source>the web engine could not start (%1).</source>
        <translation>Die Web-Engine konnte nicht starten (%1).</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Social card</source>
        <translation>Social-Media-Karte</translation>
    </message>
    <message>
        <source>Search result</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the page as wide as this panel, at full size</source>
        <translation>Die Seite so breit wie dieses Feld zeigen, in voller Größe</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Smartphone</translation>
    </message>
    <message>
        <source>Show the page %1 pixels wide</source>
        <translation>Die Seite %1 Pixel breit zeigen</translation>
    </message>
    <message>
        <source>The preview could not be shown: %1</source>
        <translation>Die Vorschau kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>No photo: the card shows no image.</source>
        <translation>Kein Foto: Die Karte zeigt kein Bild.</translation>
    </message>
    <message>
        <source>your site</source>
        <translation>Ihre Website</translation>
    </message>
    <message>
        <source>No description: search engines show text from the page instead.</source>
        <translation>Keine Beschreibung: Suchmaschinen zeigen stattdessen Text von der Seite.</translation>
    </message>
    <message>
        <source>the web engine does not run for the administrator (root) with its sandbox; start Newsdesk as a normal user.</source>
        <translation>Die Web-Engine läuft für den Administrator (root) nicht mit ihrer Sandbox; starten Sie Newsdesk als normaler Benutzer.</translation>
    </message>
    <message>
        <source>No publication with a web address is chosen: a shared link would come without this image and without the page's address (File &gt; Publication Settings…).</source>
        <translation>Keine Publikation mit Webadresse gewählt: Ein geteilter Link käme ohne dieses Bild und ohne die Adresse der Seite (Datei &gt; Publikationseinstellungen …).</translation>
    </message>
    <message>
        <source>The page layout cannot be used, so the preview shows Standard: %1</source>
        <translation>Das Seitenlayout ist nicht verwendbar, die Vorschau zeigt Standard: %1</translation>
    </message>
</context>
<context>
    <name>RelatedLinks</name>
    <message>
        <source>no URL yet</source>
        <translation>noch keine URL</translation>
    </message>
    <message>
        <source>contains spaces or control characters</source>
        <translation>enthält Leerzeichen oder Steuerzeichen</translation>
    </message>
    <message>
        <source>not a web address: it must start with https:// or http://</source>
        <translation>keine Webadresse: sie muss mit https:// oder http:// beginnen</translation>
    </message>
    <message>
        <source>only http and https links</source>
        <translation>nur http- und https-Links</translation>
    </message>
    <message>
        <source>the address has no host name</source>
        <translation>der Adresse fehlt der Servername</translation>
    </message>
    <message>
        <source>not a web address</source>
        <translation>keine Webadresse</translation>
    </message>
    <message>
        <source>Edit related links heading</source>
        <translation>Überschrift der weiterführenden Links bearbeiten</translation>
    </message>
    <message>
        <source>Add related link</source>
        <translation>Weiterführenden Link hinzufügen</translation>
    </message>
    <message>
        <source>Remove related link</source>
        <translation>Weiterführenden Link entfernen</translation>
    </message>
    <message>
        <source>Edit related link</source>
        <translation>Weiterführenden Link bearbeiten</translation>
    </message>
    <message>
        <source>Move related link</source>
        <translation>Weiterführenden Link verschieben</translation>
    </message>
    <message>
        <source>Edit related links</source>
        <translation>Weiterführende Links bearbeiten</translation>
    </message>
</context>
<context>
    <name>RelatedLinksModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>This link has no title; readers see the address instead.</source>
        <translation>Dieser Link hat keinen Titel; Leser sehen stattdessen die Adresse.</translation>
    </message>
    <message>
        <source>(no URL yet)</source>
        <translation>(noch keine URL)</translation>
    </message>
</context>
<context>
    <name>RelatedLinksPane</name>
    <message>
        <source>The heading above the list on the page</source>
        <translation>Die Überschrift über der Liste auf der Seite</translation>
    </message>
    <message>
        <source>Add a link: type a title or paste a URL</source>
        <translation>Link hinzufügen: Titel eingeben oder URL einfügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a link</source>
        <translation>Einen Link hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected link (Delete)</source>
        <translation>Den ausgewählten Link entfernen (Entf)</translation>
    </message>
    <message>
        <source>Move the selected link up (Alt+Up)</source>
        <translation>Den ausgewählten Link nach oben schieben (Alt+Pfeil hoch)</translation>
    </message>
    <message>
        <source>Move the selected link down (Alt+Down)</source>
        <translation>Den ausgewählten Link nach unten schieben (Alt+Pfeil runter)</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Link %1: %2</source>
        <translation>Link %1: %2</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>Revisions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>&amp;Restore this revision</source>
        <translation>Diese Version &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>This article has no saved revisions yet.</source>
        <translation>Von diesem Artikel gibt es noch keine gespeicherten Versionen.</translation>
    </message>
    <message>
        <source>Kicker</source>
        <translation>Dachzeile</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Autorenzeile</translation>
    </message>
    <message>
        <source>Dateline</source>
        <translation>Ortsmarke</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>(photo missing)</source>
        <translation>(Foto fehlt)</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Meinung</translation>
    </message>
    <message>
        <source>Since this revision: %1 words removed, %2 words added.</source>
        <translation>Seit dieser Version: %1 Wörter entfernt, %2 Wörter hinzugefügt.</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Changes since</source>
        <translation>Änderungen seitdem</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>Automatisch: %1</translation>
    </message>
    <message>
        <source>Newsdesk recorded this revision by itself. Older automatic revisions are thinned out: all of the last day, then one an hour, then one a day.</source>
        <translation>Newsdesk hat diese Version selbst angelegt. Ältere automatische Versionen werden ausgedünnt: alle des letzten Tages, danach eine pro Stunde, dann eine pro Tag.</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <source>&amp;Bold</source>
        <translation>&amp;Fett</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Kursiv</translation>
    </message>
    <message>
        <source>&amp;Strikethrough</source>
        <translation>&amp;Durchgestrichen</translation>
    </message>
    <message>
        <source>Body &amp;Text</source>
        <translation>&amp;Fließtext</translation>
    </message>
    <message>
        <source>&amp;Subheading</source>
        <translation>&amp;Zwischenüberschrift</translation>
    </message>
    <message>
        <source>S&amp;maller Subheading</source>
        <translation>&amp;Kleinere Zwischenüberschrift</translation>
    </message>
    <message>
        <source>¶</source>
        <translation>¶</translation>
    </message>
    <message>
        <source>H3</source>
        <translation>H3</translation>
    </message>
    <message>
        <source>H4</source>
        <translation>H4</translation>
    </message>
    <message>
        <source>B&amp;ullet List</source>
        <translation>&amp;Aufzählung</translation>
    </message>
    <message>
        <source>&amp;Numbered List</source>
        <translation>&amp;Nummerierte Liste</translation>
    </message>
    <message>
        <source>&amp;Indent List Item</source>
        <translation>Listenpunkt &amp;einrücken</translation>
    </message>
    <message>
        <source>&amp;Outdent List Item</source>
        <translation>Listenpunkt &amp;ausrücken</translation>
    </message>
    <message>
        <source>Block &amp;Quote</source>
        <translation>&amp;Zitat</translation>
    </message>
    <message>
        <source>&amp;Link…</source>
        <translation>&amp;Link …</translation>
    </message>
    <message>
        <source>&amp;Clear Formatting</source>
        <translation>Formatierung &amp;entfernen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig:</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
</context>
<context>
    <name>SectionTreeModel</name>
    <message>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>(Opinion)</source>
        <translation>(Meinung)</translation>
    </message>
    <message>
        <source>(Box)</source>
        <translation>(Kasten)</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Vorspann</translation>
    </message>
    <message>
        <source>Untitled section</source>
        <translation>Abschnitt ohne Titel</translation>
    </message>
    <message>
        <source>Untitled article</source>
        <translation>Artikel ohne Titel</translation>
    </message>
    <message>
        <source>The article&apos;s headline (F2 to edit)</source>
        <translation>Die Überschrift des Artikels (F2 zum Bearbeiten)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Photo without caption</source>
        <translation>Foto ohne Bildunterschrift</translation>
    </message>
    <message>
        <source>The photo itself is still missing</source>
        <translation>Das Foto selbst fehlt noch</translation>
    </message>
    <message numerus="yes">
        <source>Related links (%n)</source>
        <translation>
            <numerusform>Weiterführende Links (%n)</numerusform>
            <numerusform>Weiterführende Links (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit headline</source>
        <translation>Überschrift bearbeiten</translation>
    </message>
    <message>
        <source>Rename section</source>
        <translation>Abschnitt umbenennen</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>Abschnitt verschieben</translation>
    </message>
</context>
<context>
    <name>SectionTreeView</name>
    <message>
        <source>Add Section After</source>
        <translation>Abschnitt danach einfügen</translation>
    </message>
    <message>
        <source>Add Child Section</source>
        <translation>Unterabschnitt einfügen</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Delete Section</source>
        <translation>Abschnitt löschen</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Make Child of Previous</source>
        <translation>Dem vorigen unterordnen</translation>
    </message>
    <message>
        <source>Move Out of Parent</source>
        <translation>Eine Ebene höher</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>Meinung</translation>
    </message>
    <message>
        <source>Box</source>
        <translation>Kasten</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>Neuer Abschnitt</translation>
    </message>
    <message>
        <source>Add section</source>
        <translation>Abschnitt hinzufügen</translation>
    </message>
    <message>
        <source>Delete section</source>
        <translation>Abschnitt löschen</translation>
    </message>
    <message>
        <source>Change section kind</source>
        <translation>Abschnittsart ändern</translation>
    </message>
    <message>
        <source>Move section</source>
        <translation>Abschnitt verschieben</translation>
    </message>
    <message>
        <source>Empty the lead</source>
        <translation>Vorspann leeren</translation>
    </message>
    <message>
        <source>The lead was emptied.</source>
        <translation>Der Vorspann wurde geleert.</translation>
    </message>
    <message>
        <source>Section “%1” deleted.</source>
        <translation>Abschnitt „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Opinion Label…</source>
        <translation>Kennzeichnung der Meinung…</translation>
    </message>
    <message>
        <source>Change opinion label</source>
        <translation>Kennzeichnung der Meinung ändern</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>File changed on disk</source>
        <translation>Datei wurde geändert</translation>
    </message>
    <message>
        <source>Another program changed “%1” since Newsdesk last saved it.</source>
        <translation>Ein anderes Programm hat „%1“ geändert, seit Newsdesk die Datei zuletzt gespeichert hat.</translation>
    </message>
    <message>
        <source>Reload the file</source>
        <translation>Datei neu laden</translation>
    </message>
    <message>
        <source>Overwrite with my text</source>
        <translation>Mit meinem Text überschreiben</translation>
    </message>
    <message>
        <source>Save my text as a copy…</source>
        <translation>Meinen Text als Kopie speichern …</translation>
    </message>
    <message>
        <source>Reloading replaces your text with the file&apos;s (you can undo it). Saving a copy keeps both.</source>
        <translation>Neu laden ersetzt Ihren Text durch den der Datei (Sie können das rückgängig machen). Eine Kopie zu speichern behält beide.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Newsdesk could not save “%1”: %2</source>
        <translation>Newsdesk konnte „%1“ nicht speichern: %2</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Your text is safe in this window. Save it somewhere else, or keep editing and Newsdesk tries again.</source>
        <translation>Ihr Text ist in diesem Fenster sicher. Speichern Sie ihn woanders, oder arbeiten Sie weiter, und Newsdesk versucht es erneut.</translation>
    </message>
    <message>
        <source>Newsdesk articles (*.newsdesk)</source>
        <translation>Newsdesk-Artikel (*.newsdesk)</translation>
    </message>
    <message>
        <source>(copy)</source>
        <translation>(Kopie)</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Save a copy to edit…</source>
        <translation>Kopie zum Bearbeiten speichern …</translation>
    </message>
    <message>
        <source>Open Anyway</source>
        <translation>Trotzdem öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open in another window</source>
        <translation>In einem anderen Fenster geöffnet</translation>
    </message>
    <message>
        <source>“%1” is open in another Newsdesk window.</source>
        <translation>„%1“ ist in einem anderen Newsdesk-Fenster geöffnet.</translation>
    </message>
    <message>
        <source>Only one window can change a file. You can read it here, or edit a copy of it.</source>
        <translation>Nur ein Fenster kann eine Datei ändern. Sie können sie hier lesen oder eine Kopie bearbeiten.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Kopie speichern</translation>
    </message>
    <message>
        <source>The copy needs a different name than the original.</source>
        <translation>Die Kopie braucht einen anderen Namen als das Original.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Publication Se&amp;ttings…</source>
        <translation>&amp;Publikationseinstellungen …</translation>
    </message>
    <message>
        <source>Pu&amp;blish…</source>
        <translation>Ve&amp;röffentlichen …</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren …</translation>
    </message>
    <message>
        <source>&amp;Export HTML…</source>
        <translation>Als HTML &amp;exportieren …</translation>
    </message>
    <message>
        <source>Re&amp;visions…</source>
        <translation>&amp;Versionen …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig:</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Ausschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>T&amp;ypographic Quotes</source>
        <translation>T&amp;ypografische Anführungszeichen</translation>
    </message>
    <message>
        <source>Length &amp;Target…</source>
        <translation>&amp;Umfangsziel …</translation>
    </message>
    <message>
        <source>&amp;About Newsdesk</source>
        <translation>Ü&amp;ber Newsdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Section</source>
        <translation>&amp;Abschnitt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>No recent articles</source>
        <translation>Keine zuletzt geöffneten Artikel</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>About Newsdesk</source>
        <translation>Über Newsdesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Newsdesk %1&lt;/h3&gt;&lt;p&gt;A desktop article editor for journalists: write offline, keep one safe file, export a finished web page.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Newsdesk %1&lt;/h3&gt;&lt;p&gt;Ein Artikel-Editor für Journalistinnen und Journalisten: offline schreiben, eine sichere Datei behalten, eine fertige Webseite exportieren.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>&amp;Photo…</source>
        <translation>&amp;Foto…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
</context>
<context>
    <name>SidePanes</name>
    <message>
        <source>Details</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Related Links</source>
        <translation>Weiterführende Links</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>en</source>
        <translation>de</translation>
    </message>
    <message>
        <source>Newsdesk User Guide</source>
        <translation>Newsdesk-Handbuch</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <source>Articles you never saved</source>
        <translation>Nie gespeicherte Artikel</translation>
    </message>
    <message>
        <source>Newsdesk kept these new articles from earlier sessions. Open one to go on writing, then save it where you like with File &gt; Save As.</source>
        <translation>Newsdesk hat diese neuen Artikel aus früheren Sitzungen aufbewahrt. Öffnen Sie einen, um weiterzuschreiben, und speichern Sie ihn dann mit Datei &gt; Speichern unter, wo Sie möchten.</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Begins</source>
        <translation>Beginnt mit</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>AutomaticRevisions</name>
    <message>
        <source>Before deleting a section</source>
        <translation>Vor dem Löschen eines Abschnitts</translation>
    </message>
    <message>
        <source>Before emptying the lead</source>
        <translation>Vor dem Leeren des Vorspanns</translation>
    </message>
    <message>
        <source>Before removing a photo</source>
        <translation>Vor dem Entfernen eines Fotos</translation>
    </message>
    <message>
        <source>Before Replace All</source>
        <translation>Vor „Alle ersetzen“</translation>
    </message>
    <message>
        <source>While editing</source>
        <translation>Beim Bearbeiten</translation>
    </message>
</context>
<context>
    <name>UndoOffer</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>Rückgängig: %1 (Strg+Z)</translation>
    </message>
</context>
<context>
    <name>OpinionLabel</name>
    <message>
        <source>Opinion Label</source>
        <translation>Kennzeichnung der Meinung</translation>
    </message>
    <message>
        <source>Label shown above “%1”:</source>
        <translation>Kennzeichnung über „%1“:</translation>
    </message>
    <message>
        <source>this section</source>
        <translation>diesem Abschnitt</translation>
    </message>
</context>
<context>
    <name>CoreError</name>
    <message>
        <source>“{name}” is damaged or not an OpenDocument text.</source>
        <translation>„{name}“ ist beschädigt oder kein OpenDocument-Text.</translation>
    </message>
    <message>
        <source>“{name}” is password-protected; open it in LibreOffice, remove the password and save it again.</source>
        <translation>„{name}“ ist mit einem Kennwort geschützt; öffnen Sie die Datei in LibreOffice, entfernen Sie das Kennwort und speichern Sie sie erneut.</translation>
    </message>
    <message>
        <source>“{name}” contains macros; Newsdesk imports no documents with macros. Save it without them first.</source>
        <translation>„{name}“ enthält Makros; Newsdesk importiert keine Dokumente mit Makros. Speichern Sie es zuerst ohne sie.</translation>
    </message>
    <message>
        <source>“{name}” nests its text more than {limit} deep or holds too many parts; that is no article.</source>
        <translation>„{name}“ verschachtelt seinen Text tiefer als {limit} Ebenen oder besteht aus zu vielen Teilen; das ist kein Artikel.</translation>
    </message>
    <message>
        <source>The article could not be printed.</source>
        <translation>Der Artikel ließ sich nicht drucken.</translation>
    </message>
    <message>
        <source>The picture “{name}” was left out; the text was imported.</source>
        <translation>Das Bild „{name}“ wurde weggelassen; der Text wurde importiert.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a Newsdesk article.</source>
        <translation>„{name}“ ist ein Ordner, kein Newsdesk-Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is not a regular file, not a Newsdesk article.</source>
        <translation>„{name}“ ist keine gewöhnliche Datei und kein Newsdesk-Artikel.</translation>
    </message>
    <message>
        <source>“{name}” does not exist.</source>
        <translation>„{name}“ gibt es nicht.</translation>
    </message>
    <message>
        <source>“{name}” cannot be read.</source>
        <translation>„{name}“ lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>“{name}” is empty; it is not a Newsdesk article.</source>
        <translation>„{name}“ ist leer und kein Newsdesk-Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be opened.</source>
        <translation>„{name}“ ist beschädigt und lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>“{name}” is not a Newsdesk article.</source>
        <translation>„{name}“ ist kein Newsdesk-Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is another program’s database, not a Newsdesk article.</source>
        <translation>„{name}“ ist die Datenbank eines anderen Programms, kein Newsdesk-Artikel.</translation>
    </message>
    <message>
        <source>“{name}” was saved by a newer Newsdesk (file version {version}; this one reads up to {supported}). Please update Newsdesk to open it.</source>
        <translation>„{name}“ wurde mit einem neueren Newsdesk gespeichert (Dateiversion {version}; dieses liest bis {supported}). Bitte aktualisieren Sie Newsdesk, um sie zu öffnen.</translation>
    </message>
    <message>
        <source>“{name}” has been saved by a newer Newsdesk meanwhile.</source>
        <translation>„{name}“ wurde inzwischen mit einem neueren Newsdesk gespeichert.</translation>
    </message>
    <message>
        <source>The article file has an unknown version ({version}).</source>
        <translation>Die Artikeldatei hat eine unbekannte Version ({version}).</translation>
    </message>
    <message>
        <source>This Newsdesk cannot upgrade article files of version {version}.</source>
        <translation>Dieses Newsdesk kann Artikeldateien der Version {version} nicht umwandeln.</translation>
    </message>
    <message>
        <source>“{name}” is busy: another program is writing it.</source>
        <translation>„{name}“ ist belegt: Ein anderes Programm schreibt gerade hinein.</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened.</source>
        <translation>„{name}“ lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened for writing: {reason}.</source>
        <translation>„{name}“ lässt sich nicht zum Schreiben öffnen: {reason}.</translation>
    </message>
    <message>
        <source>“{name}” cannot be upgraded to this version of Newsdesk.</source>
        <translation>„{name}“ lässt sich nicht auf diese Newsdesk-Version umstellen.</translation>
    </message>
    <message>
        <source>“{name}” is closed.</source>
        <translation>„{name}“ ist geschlossen.</translation>
    </message>
    <message>
        <source>“{name}” has no revision {revision}.</source>
        <translation>„{name}“ hat keine Version {revision}.</translation>
    </message>
    <message>
        <source>“{name}” is open read-only; save a copy under another name.</source>
        <translation>„{name}“ ist schreibgeschützt geöffnet; speichern Sie eine Kopie unter anderem Namen.</translation>
    </message>
    <message>
        <source>“{name}” cannot be saved: the article contains something a file cannot hold.</source>
        <translation>„{name}“ lässt sich nicht speichern: Der Artikel enthält etwas, das keine Datei aufnehmen kann.</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program since Newsdesk last read it.</source>
        <translation>„{name}“ wurde von einem anderen Programm geändert, seit Newsdesk die Datei zuletzt gelesen hat.</translation>
    </message>
    <message>
        <source>“{name}” could not be saved: {reason}. The file is unchanged.</source>
        <translation>„{name}“ konnte nicht gespeichert werden: {reason}. Die Datei ist unverändert.</translation>
    </message>
    <message>
        <source>“{name}” could not be created: {reason}.</source>
        <translation>„{name}“ konnte nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>“{name}” already exists; choose another name.</source>
        <translation>„{name}“ gibt es schon; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>“{name}” cannot be written here (read-only file or folder); open it read-only or save a copy elsewhere.</source>
        <translation>„{name}“ lässt sich hier nicht schreiben (Datei oder Ordner schreibgeschützt); öffnen Sie sie schreibgeschützt oder speichern Sie anderswo eine Kopie.</translation>
    </message>
    <message>
        <source>“{name}” cannot be reserved for this window.</source>
        <translation>„{name}“ lässt sich für dieses Fenster nicht reservieren.</translation>
    </message>
    <message>
        <source>“{name}” is open in Newsdesk by {user} on {host} (process {pid}) since {since}.</source>
        <translation>„{name}“ ist in Newsdesk geöffnet, von {user} auf {host} (Prozess {pid}) seit {since}.</translation>
    </message>
    <message>
        <source>“{name}” is open in another program.</source>
        <translation>„{name}“ ist in einem anderen Programm geöffnet.</translation>
    </message>
    <message>
        <source>A photo in “{name}” cannot be read.</source>
        <translation>Ein Foto in „{name}“ lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>“{name}” no longer exists, and with it a photo it held.</source>
        <translation>„{name}“ gibt es nicht mehr und damit auch ein Foto darin.</translation>
    </message>
    <message>
        <source>The image is {megabytes} MB; Newsdesk accepts up to {limit} MB.</source>
        <translation>Das Bild ist {megabytes} MB groß; Newsdesk nimmt höchstens {limit} MB an.</translation>
    </message>
    <message>
        <source>The image is {width}×{height} pixels; Newsdesk accepts up to {limit} megapixels.</source>
        <translation>Das Bild hat {width}×{height} Pixel; Newsdesk nimmt höchstens {limit} Megapixel an.</translation>
    </message>
    <message>
        <source>The image has too many pixels to be a photo.</source>
        <translation>Das Bild hat zu viele Pixel für ein Foto.</translation>
    </message>
    <message>
        <source>This is not a JPEG, PNG or WebP image.</source>
        <translation>Das ist kein JPEG-, PNG- oder WebP-Bild.</translation>
    </message>
    <message>
        <source>The image cannot be read.</source>
        <translation>Das Bild lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>The image is damaged.</source>
        <translation>Das Bild ist beschädigt.</translation>
    </message>
    <message>
        <source>The image “{reference}” is not a local file; save the photo beside the source file and refer to it by its file name.</source>
        <translation>Das Bild „{reference}“ ist keine Datei auf diesem Rechner; speichern Sie das Foto neben der Quelldatei und verweisen Sie mit seinem Dateinamen darauf.</translation>
    </message>
    <message>
        <source>“{path}” does not exist.</source>
        <translation>„{path}“ gibt es nicht.</translation>
    </message>
    <message>
        <source>“{path}” cannot be read.</source>
        <translation>„{path}“ lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>“{path}” is not a regular file.</source>
        <translation>„{path}“ ist keine gewöhnliche Datei.</translation>
    </message>
    <message>
        <source>“{path}” is {megabytes} MB; Newsdesk reads up to {limit} MB.</source>
        <translation>„{path}“ ist {megabytes} MB groß; Newsdesk liest höchstens {limit} MB.</translation>
    </message>
    <message>
        <source>“{name}” cannot be imported: Newsdesk imports Word documents, web pages, text, Markdown and JSON.</source>
        <translation>„{name}“ lässt sich nicht importieren: Newsdesk importiert Word-Dokumente, Webseiten, Text, Markdown und JSON.</translation>
    </message>
    <message>
        <source>The text is longer than {limit} million characters; that is no article.</source>
        <translation>Der Text ist länger als {limit} Millionen Zeichen; das ist kein Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is larger than {limit} MB; that is no article.</source>
        <translation>„{name}“ ist größer als {limit} MB; das ist kein Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is larger than {limit_mb} MB; that is no article.</source>
        <translation>„{name}“ ist größer als {limit_mb} MB; das ist kein Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is not a text file.</source>
        <translation>„{name}“ ist keine Textdatei.</translation>
    </message>
    <message>
        <source>“{name}” is in an encoding Newsdesk cannot recognise; save it as UTF-8 and import it again.</source>
        <translation>„{name}“ hat eine Zeichenkodierung, die Newsdesk nicht erkennt; speichern Sie die Datei als UTF-8 und importieren Sie sie noch einmal.</translation>
    </message>
    <message>
        <source>“{name}” starts like {encoding} text but is damaged.</source>
        <translation>„{name}“ beginnt wie {encoding}-Text, ist aber beschädigt.</translation>
    </message>
    <message>
        <source>“{name}” is not plain text; save it as text and import that.</source>
        <translation>„{name}“ ist kein reiner Text; speichern Sie die Datei als Text und importieren Sie diese.</translation>
    </message>
    <message>
        <source>The JSON file does not describe an article.</source>
        <translation>Die JSON-Datei beschreibt keinen Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is not UTF-8 text; JSON must be UTF-8.</source>
        <translation>„{name}“ ist kein UTF-8-Text; JSON muss UTF-8 sein.</translation>
    </message>
    <message>
        <source>“{name}” is not valid JSON (line {line}, column {column}).</source>
        <translation>„{name}“ ist kein gültiges JSON (Zeile {line}, Spalte {column}).</translation>
    </message>
    <message>
        <source>“{name}” nests too deeply to be an article.</source>
        <translation>„{name}“ ist zu tief verschachtelt für einen Artikel.</translation>
    </message>
    <message>
        <source>This JSON uses format version {version}; this Newsdesk reads up to {supported}.</source>
        <translation>Dieses JSON hat die Formatversion {version}; dieses Newsdesk liest bis {supported}.</translation>
    </message>
    <message>
        <source>“{name}” contains a broken character; fix the program that wrote it.</source>
        <translation>„{name}“ enthält ein kaputtes Zeichen; korrigieren Sie das Programm, das die Datei geschrieben hat.</translation>
    </message>
    <message>
        <source>The text is empty; there is nothing to import.</source>
        <translation>Der Text ist leer; es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>The Markdown file is empty; there is nothing to import.</source>
        <translation>Die Markdown-Datei ist leer; es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>The {kind} front matter at the top of the file cannot be read.</source>
        <translation>Der {kind}-Vorspann am Anfang der Datei lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>“{name}” is damaged or not a Word document.</source>
        <translation>„{name}“ ist beschädigt oder kein Word-Dokument.</translation>
    </message>
    <message>
        <source>“{name}” is password-protected; open it in Word, remove the password and save it again.</source>
        <translation>„{name}“ ist mit einem Kennwort geschützt; öffnen Sie die Datei in Word, entfernen Sie das Kennwort und speichern Sie sie erneut.</translation>
    </message>
    <message>
        <source>“{name}” contains macros; Newsdesk imports no documents with macros. Save it as a plain .docx first.</source>
        <translation>„{name}“ enthält Makros; Newsdesk importiert keine Dokumente mit Makros. Speichern Sie sie zuerst als einfache .docx-Datei.</translation>
    </message>
    <message>
        <source>“{name}” is an old Word 97–2003 document; save it as .docx in Word or LibreOffice first.</source>
        <translation>„{name}“ ist ein altes Word-97–2003-Dokument; speichern Sie es zuerst in Word oder LibreOffice als .docx.</translation>
    </message>
    <message>
        <source>“{name}” is packed like a zip bomb; that is no article.</source>
        <translation>„{name}“ ist wie eine Zip-Bombe gepackt; das ist kein Artikel.</translation>
    </message>
    <message>
        <source>“{name}” is empty; there is nothing to import.</source>
        <translation>„{name}“ ist leer; es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>“{name}” holds only pictures and no text; there is no article to import.</source>
        <translation>„{name}“ enthält nur Bilder und keinen Text; es gibt keinen Artikel zu importieren.</translation>
    </message>
    <message>
        <source>“{name}” is not a web page.</source>
        <translation>„{name}“ ist keine Webseite.</translation>
    </message>
    <message>
        <source>“{name}” holds no article text.</source>
        <translation>„{name}“ enthält keinen Artikeltext.</translation>
    </message>
    <message>
        <source>The page nests its elements more than {limit} deep; that is no article.</source>
        <translation>Die Seite verschachtelt ihre Elemente tiefer als {limit} Ebenen; das ist kein Artikel.</translation>
    </message>
    <message>
        <source>The page has more than {limit} elements; that is no article.</source>
        <translation>Die Seite hat mehr als {limit} Elemente; das ist kein Artikel.</translation>
    </message>
    <message>
        <source>Tracked insertions accepted: {count}</source>
        <translation>Übernommene Einfügungen aus der Änderungsverfolgung: {count}</translation>
    </message>
    <message>
        <source>Tracked deletions accepted: {count}</source>
        <translation>Übernommene Löschungen aus der Änderungsverfolgung: {count}</translation>
    </message>
    <message>
        <source>Comments kept as private notes: {count}</source>
        <translation>Kommentare als private Notizen übernommen: {count}</translation>
    </message>
    <message>
        <source>Footnotes kept as source notes: {count}</source>
        <translation>Fußnoten als Quellenangaben übernommen: {count}</translation>
    </message>
    <message>
        <source>Tables imported: {count}</source>
        <translation>Importierte Tabellen: {count}</translation>
    </message>
    <message>
        <source>Pictures not imported: {count}</source>
        <translation>Nicht importierte Bilder: {count}</translation>
    </message>
    <message>
        <source>Photos still to be added (the check lists them): {count}</source>
        <translation>Noch fehlende Fotos (die Prüfung listet sie auf): {count}</translation>
    </message>
    <message>
        <source>The first bold line became the headline.</source>
        <translation>Die erste fett gedruckte Zeile wurde zur Überschrift.</translation>
    </message>
    <message>
        <source>“{mode}” is not a way to store the page’s photos.</source>
        <translation>„{mode}“ ist keine Art, die Fotos der Seite abzulegen.</translation>
    </message>
    <message>
        <source>“{mode}” is not a way to handle missing photos.</source>
        <translation>„{mode}“ ist keine Art, mit fehlenden Fotos umzugehen.</translation>
    </message>
    <message>
        <source>The folder “{folder}” does not exist.</source>
        <translation>Den Ordner „{folder}“ gibt es nicht.</translation>
    </message>
    <message>
        <source>“{path}” is a folder, not a file name for the export.</source>
        <translation>„{path}“ ist ein Ordner, kein Dateiname für den Export.</translation>
    </message>
    <message>
        <source>The article contains a broken character that cannot be written; retype the text around it.</source>
        <translation>Der Artikel enthält ein kaputtes Zeichen, das sich nicht schreiben lässt; tippen Sie den Text darum herum neu.</translation>
    </message>
    <message>
        <source>The disk is full; “{path}” was not written.</source>
        <translation>Der Datenträger ist voll; „{path}“ wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>No permission to write “{path}”; choose another folder.</source>
        <translation>Keine Berechtigung, „{path}“ zu schreiben; wählen Sie einen anderen Ordner.</translation>
    </message>
    <message>
        <source>“{path}” could not be written.</source>
        <translation>„{path}“ konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>“{format}” is not an export format Newsdesk knows.</source>
        <translation>„{format}“ ist kein Exportformat, das Newsdesk kennt.</translation>
    </message>
    <message>
        <source>“{name}”: the export file name ends in .html, .pdf, .docx, .md or .txt.</source>
        <translation>„{name}“: Der Exportdateiname endet auf .html, .pdf, .docx, .md oder .txt.</translation>
    </message>
    <message>
        <source>The line width must be between {minimum} and {maximum} characters.</source>
        <translation>Die Zeilenbreite muss zwischen {minimum} und {maximum} Zeichen liegen.</translation>
    </message>
    <message>
        <source>The Word file could not be made.</source>
        <translation>Die Word-Datei ließ sich nicht erstellen.</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>Das PDF ließ sich nicht erstellen.</translation>
    </message>
    <message>
        <source>The PDF could not be made: the page renderer cannot start here.</source>
        <translation>Das PDF ließ sich nicht erstellen: Die Seitendarstellung kann hier nicht starten.</translation>
    </message>
    <message>
        <source>This section no longer exists.</source>
        <translation>Diesen Abschnitt gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Sections cannot nest deeper than {levels} levels.</source>
        <translation>Abschnitte lassen sich höchstens {levels} Ebenen tief verschachteln.</translation>
    </message>
    <message>
        <source>There is no such position.</source>
        <translation>Diese Position gibt es nicht.</translation>
    </message>
    <message>
        <source>This section is already part of the article.</source>
        <translation>Dieser Abschnitt gehört schon zum Artikel.</translation>
    </message>
    <message>
        <source>A section cannot be moved into itself.</source>
        <translation>Ein Abschnitt lässt sich nicht in sich selbst verschieben.</translation>
    </message>
    <message>
        <source>A section is body text, opinion or a box.</source>
        <translation>Ein Abschnitt ist Fließtext, Meinung oder Kasten.</translation>
    </message>
    <message>
        <source>A label is one line of at most {max_chars} characters.</source>
        <translation>Eine Kennzeichnung ist eine Zeile mit höchstens {max_chars} Zeichen.</translation>
    </message>
    <message>
        <source>A photo is the lead image, in the text or in the gallery.</source>
        <translation>Ein Foto ist Aufmacherbild, steht im Text oder in der Galerie.</translation>
    </message>
    <message>
        <source>A photo has no detail called “{field}”.</source>
        <translation>Ein Foto hat keine Angabe namens „{field}“.</translation>
    </message>
    <message>
        <source>This detail of the photo must be text.</source>
        <translation>Diese Angabe zum Foto muss Text sein.</translation>
    </message>
    <message>
        <source>The symbol-image switch is either on or off.</source>
        <translation>Der Symbolbild-Schalter ist entweder an oder aus.</translation>
    </message>
    <message>
        <source>A photo turns in quarter turns: 0, 90, 180 or 270 degrees.</source>
        <translation>Ein Foto dreht sich in Vierteldrehungen: 0, 90, 180 oder 270 Grad.</translation>
    </message>
    <message>
        <source>This is not one of the photo’s crops.</source>
        <translation>Das ist keiner der Bildausschnitte für Fotos.</translation>
    </message>
    <message>
        <source>The focal point must lie inside the photo.</source>
        <translation>Der Bildschwerpunkt muss innerhalb des Fotos liegen.</translation>
    </message>
    <message>
        <source>This photo is no longer part of the article.</source>
        <translation>Dieses Foto gehört nicht mehr zum Artikel.</translation>
    </message>
    <message>
        <source>This photo is already part of the article.</source>
        <translation>Dieses Foto gehört schon zum Artikel.</translation>
    </message>
    <message>
        <source>Nothing to change on this photo.</source>
        <translation>An diesem Foto ist nichts zu ändern.</translation>
    </message>
    <message>
        <source>This related link no longer exists.</source>
        <translation>Diesen weiterführenden Link gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>This related link is already in the list.</source>
        <translation>Dieser weiterführende Link steht schon in der Liste.</translation>
    </message>
    <message>
        <source>The command line is not complete (see “newsdesk --help”).</source>
        <translation>Die Befehlszeile ist nicht vollständig (siehe „newsdesk --help“).</translation>
    </message>
    <message>
        <source>“{path}”: an article file name ends in .newsdesk.</source>
        <translation>„{path}“: Der Name einer Artikeldatei endet auf .newsdesk.</translation>
    </message>
    <message>
        <source>“{path}” exists already; use --force to replace it.</source>
        <translation>„{path}“ gibt es schon; ersetzen Sie die Datei mit --force.</translation>
    </message>
    <message>
        <source>PDF export needs Qt WebEngine, which cannot be loaded.</source>
        <translation>Der PDF-Export braucht Qt WebEngine, das sich nicht laden lässt.</translation>
    </message>
    <message>
        <source>The window cannot start.</source>
        <translation>Das Fenster kann nicht starten.</translation>
    </message>
    <message>
        <source>The publication settings are damaged.</source>
        <translation>Die Einstellungen der Publikationen sind beschädigt.</translation>
    </message>
    <message>
        <source>The publication settings cannot be read.</source>
        <translation>Die Einstellungen der Publikationen lassen sich nicht lesen.</translation>
    </message>
    <message>
        <source>The publication settings cannot be written.</source>
        <translation>Die Einstellungen der Publikationen lassen sich nicht schreiben.</translation>
    </message>
    <message>
        <source>There is already a publication called “{name}”.</source>
        <translation>Es gibt schon eine Publikation namens „{name}“.</translation>
    </message>
    <message>
        <source>There is no publication called “{name}”.</source>
        <translation>Es gibt keine Publikation namens „{name}“.</translation>
    </message>
    <message>
        <source>A publication needs a name.</source>
        <translation>Eine Publikation braucht einen Namen.</translation>
    </message>
    <message>
        <source>{profile}: the {field} is longer than {limit} characters.</source>
        <translation>{profile}: Die Angabe „{field}“ ist länger als {limit} Zeichen.</translation>
    </message>
    <message>
        <source>At most {limit} publications can be kept.</source>
        <translation>Es lassen sich höchstens {limit} Publikationen anlegen.</translation>
    </message>
    <message>
        <source>{profile}: “{value}” is not a web address (http:// or https://).</source>
        <translation>{profile}: „{value}“ ist keine Webadresse (http:// oder https://).</translation>
    </message>
    <message>
        <source>{profile}: “{value}” is not a Twitter/X handle.</source>
        <translation>{profile}: „{value}“ ist kein Twitter/X-Name.</translation>
    </message>
    <message>
        <source>{profile}: “{value}” is not a language code such as de or en-GB.</source>
        <translation>{profile}: „{value}“ ist kein Sprachkürzel wie de oder en-GB.</translation>
    </message>
    <message>
        <source>“{url}” is not a web address (https://…).</source>
        <translation>„{url}“ ist keine Webadresse (https://…).</translation>
    </message>
    <message>
        <source>{url} does not use HTTPS: the password would be sent readable.</source>
        <translation>{url} verwendet kein HTTPS: Das Kennwort würde lesbar übertragen.</translation>
    </message>
    <message>
        <source>{url} has moved to {location}; publish to that address.</source>
        <translation>{url} ist umgezogen nach {location}; veröffentlichen Sie an diese Adresse.</translation>
    </message>
    <message>
        <source>{host} cannot be reached.</source>
        <translation>{host} ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} seconds.</source>
        <translation>{host} hat nicht innerhalb von {seconds} Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed.</source>
        <translation>Die sichere Verbindung zu {host} ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>{host} refused the user name or Application Password.</source>
        <translation>{host} hat den Benutzernamen oder das Anwendungspasswort abgelehnt.</translation>
    </message>
    <message>
        <source>{host} does not allow this user to do that.</source>
        <translation>{host} erlaubt diesem Benutzer das nicht.</translation>
    </message>
    <message>
        <source>{host} has no {route}.</source>
        <translation>{host} hat kein {route}.</translation>
    </message>
    <message>
        <source>{host} refuses a photo: it is larger than the server accepts.</source>
        <translation>{host} lehnt ein Foto ab: Es ist größer, als der Server annimmt.</translation>
    </message>
    <message>
        <source>{host} failed with server error {status}.</source>
        <translation>{host} ist mit dem Serverfehler {status} gescheitert.</translation>
    </message>
    <message>
        <source>{host} refused the request.</source>
        <translation>{host} hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>{url} does not answer like a WordPress site.</source>
        <translation>{url} antwortet nicht wie eine WordPress-Website.</translation>
    </message>
    <message>
        <source>Passwords cannot be kept: no system keyring is available.</source>
        <translation>Kennwörter lassen sich nicht aufbewahren: Es gibt keinen Schlüsselbund des Systems.</translation>
    </message>
    <message>
        <source>No Application Password is stored for {user} on {url}.</source>
        <translation>Für {user} auf {url} ist kein Anwendungspasswort gespeichert.</translation>
    </message>
    <message>
        <source>The article has no publication chosen.</source>
        <translation>Für den Artikel ist keine Publikation gewählt.</translation>
    </message>
    <message>
        <source>The publication “{site}” has no WordPress address and user.</source>
        <translation>Die Publikation „{site}“ hat keine WordPress-Adresse und keinen Benutzer.</translation>
    </message>
    <message>
        <source>“{status}” is not a publishing status.</source>
        <translation>„{status}“ ist kein Veröffentlichungsstatus.</translation>
    </message>
    <message>
        <source>A scheduled post needs a publish date and time in the future.</source>
        <translation>Ein geplanter Beitrag braucht ein Veröffentlichungsdatum mit Uhrzeit in der Zukunft.</translation>
    </message>
    <message>
        <source>The post was changed on the site since Newsdesk published it.</source>
        <translation>Der Beitrag wurde auf der Website geändert, seit Newsdesk ihn veröffentlicht hat.</translation>
    </message>
    <message>
        <source>Post {post_id} is no longer on {site}.</source>
        <translation>Beitrag {post_id} ist nicht mehr auf {site}.</translation>
    </message>
    <message>
        <source>The site has no category “{category}”.</source>
        <translation>Die Website hat keine Kategorie „{category}“.</translation>
    </message>
    <message>
        <source>Publishing to {host} was stopped.</source>
        <translation>Das Veröffentlichen auf {host} wurde abgebrochen.</translation>
    </message>
    <message>
        <source>“{word}” cannot be added to a word list.</source>
        <translation>„{word}“ lässt sich nicht in eine Wortliste aufnehmen.</translation>
    </message>
    <message>
        <source>The word list {path} cannot be written; the word is accepted for this session.</source>
        <translation>Die Wortliste {path} lässt sich nicht schreiben; das Wort gilt für diese Sitzung.</translation>
    </message>
    <message>
        <source>“{word}” cannot be ignored (already ignored, or not a word).</source>
        <translation>„{word}“ lässt sich nicht ignorieren (schon ignoriert oder kein Wort).</translation>
    </message>
    <message>
        <source>The word list {path} does not exist.</source>
        <translation>Die Wortliste {path} gibt es nicht.</translation>
    </message>
    <message>
        <source>The word list {path} cannot be read.</source>
        <translation>Die Wortliste {path} lässt sich nicht lesen.</translation>
    </message>
    <message>
        <source>The word list {path} is too long; the rest is not read.</source>
        <translation>Die Wortliste {path} ist zu lang; der Rest wird nicht gelesen.</translation>
    </message>
    <message>
        <source>The word list {path} has {count} unreadable lines (the first is line {line}); they were skipped.</source>
        <translation>Die Wortliste {path} hat unlesbare Zeilen ({count}, die erste ist Zeile {line}); sie wurden übersprungen.</translation>
    </message>
    <message>
        <source>No dictionary for “{language}”; spelling is checked with the “{dictionary}” dictionary.</source>
        <translation>Kein Wörterbuch für „{language}“; die Rechtschreibung wird mit dem Wörterbuch „{dictionary}“ geprüft.</translation>
    </message>
    <message>
        <source>No dictionary for “{language}”; spelling is not checked.</source>
        <translation>Kein Wörterbuch für „{language}“; die Rechtschreibung wird nicht geprüft.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>another program is using the file</source>
        <translation>ein anderes Programm benutzt die Datei</translation>
    </message>
    <message>
        <source>the file or its folder cannot be written</source>
        <translation>die Datei oder ihr Ordner ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the disk reported an error while writing</source>
        <translation>der Datenträger meldete beim Schreiben einen Fehler</translation>
    </message>
    <message>
        <source>the text contains characters that cannot be stored</source>
        <translation>der Text enthält Zeichen, die sich nicht speichern lassen</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>ein unerwarteter Fehler</translation>
    </message>
    <message>
        <source>No permission to use “{name}”.</source>
        <translation>Keine Berechtigung für „{name}“.</translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation>Der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>“{name}” cannot be read or written.</source>
        <translation>„{name}“ lässt sich nicht lesen oder schreiben.</translation>
    </message>
    <message>
        <source>A file cannot be read or written.</source>
        <translation>Eine Datei lässt sich nicht lesen oder schreiben.</translation>
    </message>
    <message>
        <source>“{name}” was not made from this article; nothing was changed.</source>
        <translation>„{name}“ wurde nicht aus diesem Artikel erstellt; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>There is no page layout called “{name}”.</source>
        <translation>Es gibt kein Seitenlayout „{name}“.</translation>
    </message>
    <message>
        <source>The stylesheet “{name}” is larger than {limit} kB.</source>
        <translation>Das Stylesheet „{name}“ ist größer als {limit} kB.</translation>
    </message>
    <message>
        <source>“{name}” is not a stylesheet (not UTF-8 text).</source>
        <translation>„{name}“ ist kein Stylesheet (kein UTF-8-Text).</translation>
    </message>
    <message>
        <source>The stylesheet “{name}” cannot be read as CSS (line {line}).</source>
        <translation>Das Stylesheet „{name}“ ist kein lesbares CSS (Zeile {line}).</translation>
    </message>
    <message>
        <source>The stylesheet “{name}” contains “&lt;/style”, which would end it early.</source>
        <translation>Das Stylesheet „{name}“ enthält „&lt;/style“ und würde damit vorzeitig enden.</translation>
    </message>
    <message>
        <source>The stylesheet “{name}” imports another one (@import); a page carries one stylesheet.</source>
        <translation>Das Stylesheet „{name}“ bindet ein weiteres ein (@import); eine Seite trägt nur ein Stylesheet.</translation>
    </message>
    <message>
        <source>The stylesheet “{name}” loads “{address}” from the network; the page loads nothing from elsewhere.</source>
        <translation>Das Stylesheet „{name}“ lädt „{address}“ aus dem Netz; die Seite lädt nichts von anderswo.</translation>
    </message>
    <message>
        <source>The stylesheet “{name}” cannot be read.</source>
        <translation>Das Stylesheet „{name}“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The article’s page layout is damaged.</source>
        <translation>Das Seitenlayout des Artikels ist beschädigt.</translation>
    </message>
</context>
<context>
    <name>OpenOrImport</name>
    <message>
        <source>Newsdesk articles (*.newsdesk)</source>
        <translation>Newsdesk-Artikel (*.newsdesk)</translation>
    </message>
    <message>
        <source>Texts and documents to import (%1)</source>
        <translation>Texte und Dokumente zum Importieren (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not a Newsdesk article</source>
        <translation>Kein Newsdesk-Artikel</translation>
    </message>
    <message>
        <source>Import as New Article</source>
        <translation>Als neuen Artikel importieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Newsdesk can import “%1” as a new article. The file itself stays as it is.</source>
        <translation>Newsdesk kann „%1“ als neuen Artikel importieren. Die Datei selbst bleibt, wie sie ist.</translation>
    </message>
</context>
<context>
    <name>Thumbnails</name>
    <message>
        <source>The thumbnail cannot be shown.</source>
        <translation>Die Vorschau lässt sich nicht anzeigen.</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>Correct spelling</source>
        <translation>Rechtschreibung korrigieren</translation>
    </message>
    <message>
        <source>No dictionary for %1; spelling is not checked</source>
        <translation>Kein Wörterbuch für %1; die Rechtschreibung wird nicht geprüft</translation>
    </message>
    <message>
        <source>No dictionary for %1; spelling is checked with the %2 dictionary</source>
        <translation>Kein Wörterbuch für %1; die Rechtschreibung wird mit dem Wörterbuch %2 geprüft</translation>
    </message>
    <message>
        <source>%1 (ß read as ss)</source>
        <translation>%1 (ß als ss gelesen)</translation>
    </message>
    <message>
        <source>The word list %1 does not exist</source>
        <translation>Die Wortliste %1 gibt es nicht</translation>
    </message>
    <message>
        <source>The word list %1 cannot be read</source>
        <translation>Die Wortliste %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>The word list %1 is too long; the rest is not read</source>
        <translation>Die Wortliste %1 ist zu lang; der Rest wird nicht gelesen</translation>
    </message>
    <message>
        <source>The word list %1 has unreadable lines (the first is line %2); they were skipped</source>
        <translation>Die Wortliste %1 hat unlesbare Zeilen (die erste ist Zeile %2); sie wurden übersprungen</translation>
    </message>
    <message>
        <source>“%1” cannot be added to the dictionary</source>
        <translation>„%1“ kann nicht ins Wörterbuch aufgenommen werden</translation>
    </message>
    <message>
        <source>Your word list %1 cannot be written; the word is accepted until you quit</source>
        <translation>Ihre Wortliste %1 kann nicht geschrieben werden; das Wort gilt bis zum Beenden als richtig</translation>
    </message>
</context>
<context>
    <name>SpellingLanguages</name>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanisch</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Niederländisch</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polnisch</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugiesisch</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dänisch</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Schwedisch</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>Türkisch</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ukrainisch</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>Deutschland</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>Österreich</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Schweiz</translation>
    </message>
    <message>
        <source>Liechtenstein</source>
        <translation>Liechtenstein</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>Luxemburg</translation>
    </message>
    <message>
        <source>US</source>
        <translation>USA</translation>
    </message>
    <message>
        <source>UK</source>
        <translation>Großbritannien</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australien</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Kanada</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irland</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Neuseeland</translation>
    </message>
</context>
<context>
    <name>SpellingMenu</name>
    <message>
        <source>(No Suggestions)</source>
        <translation>(Keine Vorschläge)</translation>
    </message>
    <message>
        <source>Add to Dictionary</source>
        <translation>Zum Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <source>Ignore in This Article</source>
        <translation>In diesem Artikel ignorieren</translation>
    </message>
    <message>
        <source>Language of This Section</source>
        <translation>Sprache dieses Abschnitts</translation>
    </message>
    <message>
        <source>Language of This Field</source>
        <translation>Sprache dieses Felds</translation>
    </message>
    <message>
        <source>The Article’s Language</source>
        <translation>Sprache des Artikels</translation>
    </message>
</context>
<context>
    <name>SpellingDialog</name>
    <message>
        <source>Spelling</source>
        <translation>Rechtschreibung</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Ä&amp;ndern</translation>
    </message>
    <message>
        <source>Change &amp;All</source>
        <translation>&amp;Alle ändern</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorieren</translation>
    </message>
    <message>
        <source>Ignore in &amp;Article</source>
        <translation>Im A&amp;rtikel ignorieren</translation>
    </message>
    <message>
        <source>Add to &amp;Dictionary</source>
        <translation>Zum &amp;Wörterbuch hinzufügen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Not in the dictionary:</source>
        <translation>Nicht im Wörterbuch:</translation>
    </message>
    <message>
        <source>C&amp;hange to:</source>
        <translation>Ändern &amp;in:</translation>
    </message>
    <message>
        <source>&amp;Suggestions:</source>
        <translation>&amp;Vorschläge:</translation>
    </message>
    <message>
        <source>The spelling check is complete.</source>
        <translation>Die Rechtschreibprüfung ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Change all “%1”</source>
        <translation>Alle „%1“ ändern</translation>
    </message>
</context>
<context>
    <name>WindowSpelling</name>
    <message>
        <source>Next &amp;Spelling Mistake…</source>
        <translation>Nächster Rechtschreib&amp;fehler …</translation>
    </message>
    <message>
        <source>Check &amp;Spelling</source>
        <translation>&amp;Rechtschreibung prüfen</translation>
    </message>
    <message>
        <source>Newsroom &amp;Word List…</source>
        <translation>&amp;Wortliste der Redaktion …</translation>
    </message>
    <message>
        <source>Newsroom Word List</source>
        <translation>Wortliste der Redaktion</translation>
    </message>
    <message>
        <source>Word lists (*.txt *.dic);;All files (*)</source>
        <translation>Wortlisten (*.txt *.dic);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Newsroom word list: %1</source>
        <translation>Wortliste der Redaktion: %1</translation>
    </message>
</context>
<context>
    <name>PhotoPlacement</name>
    <message>
        <source>Lead</source>
        <translation>Vorspann</translation>
    </message>
    <message>
        <source>Section %1</source>
        <translation>Abschnitt %1</translation>
    </message>
    <message>
        <source>Not now (the check lists it)</source>
        <translation>Jetzt nicht (die Prüfung listet es auf)</translation>
    </message>
    <message>
        <source>Place the Photo</source>
        <translation>Foto platzieren</translation>
    </message>
    <message>
        <source>The photo goes at the end of this section:</source>
        <translation>Das Foto kommt ans Ende dieses Abschnitts:</translation>
    </message>
    <message>
        <source>Place photo</source>
        <translation>Foto platzieren</translation>
    </message>
</context>
<context>
    <name>PublicationSettings</name>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>Name der Website:</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <source>Publisher:</source>
        <translation>Herausgeber:</translation>
    </message>
    <message>
        <source>Publisher logo URL:</source>
        <translation>URL des Herausgeber-Logos:</translation>
    </message>
    <message>
        <source>Author profile URL:</source>
        <translation>URL des Autorenprofils:</translation>
    </message>
    <message>
        <source>Twitter/X handle:</source>
        <translation>Twitter/X-Name:</translation>
    </message>
    <message>
        <source>Default language:</source>
        <translation>Standardsprache:</translation>
    </message>
    <message>
        <source>WordPress site URL:</source>
        <translation>Adresse der WordPress-Website:</translation>
    </message>
    <message>
        <source>WordPress user:</source>
        <translation>WordPress-Benutzer:</translation>
    </message>
    <message>
        <source>House layout:</source>
        <translation>Hauslayout:</translation>
    </message>
    <message>
        <source>Publication Settings</source>
        <translation>Publikationseinstellungen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>e.g. de or en-GB</source>
        <translation>z. B. de oder en-GB</translation>
    </message>
    <message>
        <source>This article is published with:</source>
        <translation>Dieser Artikel erscheint in:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 (not in these settings)</source>
        <translation>%1 (nicht in diesen Einstellungen)</translation>
    </message>
    <message>
        <source>New publication</source>
        <translation>Neue Publikation</translation>
    </message>
    <message>
        <source>Choose publication</source>
        <translation>Publikation wählen</translation>
    </message>
    <message>
        <source>standard, broadsheet, tabloid, magazine or a .css file</source>
        <translation>standard, broadsheet, tabloid, magazine oder eine .css-Datei</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>Zur Prüfung</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planen</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung mit %1 …</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>Foto %1 von %2</translation>
    </message>
    <message>
        <source>Sending the post…</source>
        <translation>Der Beitrag wird gesendet …</translation>
    </message>
    <message>
        <source>Stopping after the current request…</source>
        <translation>Wird nach der laufenden Anfrage abgebrochen …</translation>
    </message>
    <message>
        <source>Stopped. What the site already received is recorded: Publish again continues from there.</source>
        <translation>Abgebrochen. Was die Website schon erhalten hat, ist vermerkt: Erneutes Veröffentlichen macht dort weiter.</translation>
    </message>
    <message>
        <source>Load Categories</source>
        <translation>Kategorien laden</translation>
    </message>
    <message>
        <source>Publication:</source>
        <translation>Publikation:</translation>
    </message>
    <message>
        <source>WordPress site:</source>
        <translation>WordPress-Website:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Slug:</source>
        <translation>Slug:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Schlagwörter:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>Fotos:</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>Beitrag:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Categories:</source>
        <translation>Kategorien:</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>when the site publishes it</source>
        <translation>wenn die Website ihn veröffentlicht</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), %1 already on the site</source>
        <translation>
            <numerusform>%n Foto, %1 schon auf der Website</numerusform>
            <numerusform>%n Fotos, %1 schon auf der Website</numerusform>
        </translation>
    </message>
    <message>
        <source>updates post #%1</source>
        <translation>aktualisiert Beitrag Nr. %1</translation>
    </message>
    <message>
        <source>a new post</source>
        <translation>ein neuer Beitrag</translation>
    </message>
    <message>
        <source>Scheduling needs a publish date and time ahead</source>
        <translation>Zum Planen braucht der Artikel ein Veröffentlichungsdatum mit Uhrzeit in der Zukunft</translation>
    </message>
    <message>
        <source>%1 categories on the site</source>
        <translation>%1 Kategorien auf der Website</translation>
    </message>
    <message>
        <source>This article is open read-only: the post it makes could not be recorded. Publish from the window that has it open.</source>
        <translation>Dieser Artikel ist schreibgeschützt geöffnet: Der Beitrag ließe sich nicht vermerken. Veröffentlichen Sie aus dem Fenster, in dem er bearbeitet wird.</translation>
    </message>
    <message>
        <source>Published (%1): %2</source>
        <translation>Veröffentlicht (%1): %2</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Nicht veröffentlicht: %1</translation>
    </message>
    <message>
        <source>No publication has a WordPress site and user yet. Add them in File &gt; Publication Settings.</source>
        <translation>Noch keine Publikation hat eine WordPress-Website und einen Benutzer. Tragen Sie sie unter Datei &gt; Publikationseinstellungen ein.</translation>
    </message>
</context>
<context>
    <name>PublishQuestions</name>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>The check found %1 error(s). Publish anyway?</source>
        <translation>Die Prüfung hat %1 Fehler gefunden. Trotzdem veröffentlichen?</translation>
    </message>
    <message>
        <source>Publish Anyway</source>
        <translation>Trotzdem veröffentlichen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 does not use HTTPS: the password and the article would travel readable. Send them anyway?</source>
        <translation>%1 verwendet kein HTTPS: Passwort und Artikel wären unterwegs lesbar. Trotzdem senden?</translation>
    </message>
    <message>
        <source>Send Anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Application Password</source>
        <translation>Anwendungspasswort</translation>
    </message>
    <message>
        <source>The Application Password of %1 on %2 (WordPress: Users &gt; Profile):</source>
        <translation>Das Anwendungspasswort von %1 auf %2 (WordPress: Benutzer &gt; Profil):</translation>
    </message>
    <message>
        <source>Passwords cannot be kept on this computer (no system keyring): Newsdesk asks for it at every publish.</source>
        <translation>Passwörter lassen sich auf diesem Computer nicht speichern (kein Schlüsselbund): Newsdesk fragt bei jedem Veröffentlichen danach.</translation>
    </message>
    <message>
        <source>The site refused the user name or the Application Password. Type the password again?</source>
        <translation>Die Website hat Benutzername oder Anwendungspasswort abgelehnt. Passwort neu eingeben?</translation>
    </message>
    <message>
        <source>Type Password</source>
        <translation>Passwort eingeben</translation>
    </message>
    <message>
        <source>Post #%1 was changed on the site (%2 UTC) since Newsdesk published it. Overwrite those changes?</source>
        <translation>Beitrag Nr. %1 wurde auf der Website geändert (%2 UTC), seit Newsdesk ihn veröffentlicht hat. Diese Änderungen überschreiben?</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Post #%1 is no longer on the site (deleted or in the trash). Publish the article as a new post?</source>
        <translation>Beitrag Nr. %1 ist nicht mehr auf der Website (gelöscht oder im Papierkorb). Den Artikel als neuen Beitrag veröffentlichen?</translation>
    </message>
    <message>
        <source>Publish as New Post</source>
        <translation>Als neuen Beitrag veröffentlichen</translation>
    </message>
</context>
<context>
    <name>ConstructActions</name>
    <message>
        <source>Su&amp;bscript</source>
        <translation>&amp;Tiefgestellt</translation>
    </message>
    <message>
        <source>Su&amp;perscript</source>
        <translation>&amp;Hochgestellt</translation>
    </message>
    <message>
        <source>&amp;Table…</source>
        <translation>&amp;Tabelle…</translation>
    </message>
    <message>
        <source>&amp;Editor&apos;s Note…</source>
        <translation>&amp;Redaktionsnotiz…</translation>
    </message>
    <message>
        <source>&amp;Source Note</source>
        <translation>&amp;Quellenangabe</translation>
    </message>
    <message>
        <source>Add &amp;Row</source>
        <translation>&amp;Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Remove R&amp;ow</source>
        <translation>Zeile &amp;entfernen</translation>
    </message>
    <message>
        <source>Add &amp;Column</source>
        <translation>&amp;Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Remove Co&amp;lumn</source>
        <translation>Spalte en&amp;tfernen</translation>
    </message>
    <message>
        <source>Editor&apos;s Note</source>
        <translation>Redaktionsnotiz</translation>
    </message>
    <message>
        <source>Note (kept in the project file, never exported or published):</source>
        <translation>Notiz (bleibt in der Projektdatei, wird nie exportiert oder veröffentlicht):</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <source>Insert Table</source>
        <translation>Tabelle einfügen</translation>
    </message>
    <message>
        <source>First row holds column &amp;titles</source>
        <translation>Erste Zeile enthält Spalten&amp;titel</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Zeilen:</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Spalten:</translation>
    </message>
</context>
<context>
    <name>SourceNotes</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabelle</translation>
    </message>
    <message>
        <source>Show Editor&apos;s &amp;Notes in the Preview</source>
        <translation>&amp;Redaktionsnotizen in der Vorschau zeigen</translation>
    </message>
</context>
<context>
    <name>PreflightMessages</name>
    <message>
        <source>%1: table %2 has no header row (column titles)</source>
        <translation>%1: Tabelle %2 hat keine Kopfzeile (Spaltentitel)</translation>
    </message>
    <message>
        <source>%1: table %2 has no caption (the line after the table)</source>
        <translation>%1: Tabelle %2 hat keine Beschriftung (die Zeile nach der Tabelle)</translation>
    </message>
    <message>
        <source>%1: an editor&apos;s note is not closed with --&gt;; the rest is hidden</source>
        <translation>%1: Eine Redaktionsnotiz ist nicht mit --&gt; geschlossen; der Rest ist verborgen</translation>
    </message>
    <message>
        <source>%1: source note %2 is referred to nowhere in the text</source>
        <translation>%1: Auf Quellenangabe %2 verweist der Text nirgends</translation>
    </message>
    <message>
        <source>%1: refers to source note %2, which is not there</source>
        <translation>%1: verweist auf Quellenangabe %2, die es nicht gibt</translation>
    </message>
</context>
<context>
    <name>ImportDocument</name>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Autorenzeile</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Documents to import (%1)</source>
        <translation>Dokumente zum Importieren (%1)</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Imported “%1”</source>
        <translation>„%1“ importiert</translation>
    </message>
    <message>
        <source>Markdown (*.md *.markdown)</source>
        <translation>Markdown (*.md *.markdown)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Texts and drafts (*.txt *.text *.json)</source>
        <translation>Texte und Entwürfe (*.txt *.text *.json)</translation>
    </message>
    <message>
        <source>The document suggests values for empty fields:</source>
        <translation>Das Dokument schlägt Werte für leere Felder vor:</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Use the document's suggestions</source>
        <translation>Vorschläge des Dokuments übernehmen</translation>
    </message>
    <message>
        <source>Web pages (*.html *.htm)</source>
        <translation>Webseiten (*.html *.htm)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-Dokumente (*.docx)</translation>
    </message>
    <message>
        <source>OpenDocument texts (*.odt)</source>
        <translation>OpenDocument-Texte (*.odt)</translation>
    </message>
</context>
<context>
    <name>PrintArticle</name>
    <message>
        <source>Print Article</source>
        <translation>Artikel drucken</translation>
    </message>
    <message>
        <source>Sent “%1” to the printer</source>
        <translation>„%1“ an den Drucker geschickt</translation>
    </message>
    <message>
        <source>the article</source>
        <translation>den Artikel</translation>
    </message>
</context>
<context>
    <name>UpdateFromWord</name>
    <message>
        <source>Update from Word</source>
        <translation>Aus Word aktualisieren</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word-Dokumente (*.docx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Updated from Word</source>
        <translation>Aus Word aktualisiert</translation>
    </message>
    <message>
        <source>Changes: %1 accepted, %2 rejected</source>
        <translation>Änderungen: %1 angenommen, %2 abgelehnt</translation>
    </message>
    <message>
        <source>Comments that became editor&apos;s notes: %1</source>
        <translation>Kommentare, die zu Redaktionsnotizen wurden: %1</translation>
    </message>
    <message>
        <source>Pictures the desk added, left out: %1</source>
        <translation>Von der Redaktion eingefügte Bilder, nicht übernommen: %1</translation>
    </message>
    <message>
        <source>“%1” holds no changes to this article.</source>
        <translation>„%1“ enthält keine Änderungen an diesem Artikel.</translation>
    </message>
    <message>
        <source>Before updating from Word</source>
        <translation>Vor der Aktualisierung aus Word</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Überschrift</translation>
    </message>
    <message>
        <source>Subheadline</source>
        <translation>Unterzeile</translation>
    </message>
    <message>
        <source>Photo caption in “%1”</source>
        <translation>Bildunterschrift in „%1“</translation>
    </message>
    <message>
        <source>Photo caption</source>
        <translation>Bildunterschrift</translation>
    </message>
    <message>
        <source>Section “%1”</source>
        <translation>Abschnitt „%1“</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Vorspann</translation>
    </message>
    <message>
        <source>Moved away: %1</source>
        <translation>Verschoben von hier: %1</translation>
    </message>
    <message>
        <source>Moved here: %1</source>
        <translation>Hierher verschoben: %1</translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation>Gelöscht: %1</translation>
    </message>
    <message>
        <source>Inserted: %1</source>
        <translation>Eingefügt: %1</translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>unbekannter Autor</translation>
    </message>
    <message>
        <source>Tracked Changes</source>
        <translation>Nachverfolgte Änderungen</translation>
    </message>
    <message>
        <source>The Word file holds changes the desk proposed. Accept or reject each one; only what you accept reaches the article.</source>
        <translation>Die Word-Datei enthält Änderungen, die die Redaktion vorschlägt. Nehmen Sie jede an oder lehnen Sie sie ab; nur was Sie annehmen, kommt in den Artikel.</translation>
    </message>
    <message>
        <source>Accept All</source>
        <translation>Alle annehmen</translation>
    </message>
    <message>
        <source>Reject All</source>
        <translation>Alle ablehnen</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Update from Word…</source>
        <translation>Aus &amp;Word aktualisieren …</translation>
    </message>
</context>
<context>
    <name>PageLayout</name>
    <message>
        <source>Page &amp;Layout</source>
        <translation>Seiten&amp;layout</translation>
    </message>
    <message>
        <source>As the &amp;Publication Sets It</source>
        <translation>Wie die &amp;Publikation es vorgibt</translation>
    </message>
    <message>
        <source>&amp;Standard</source>
        <translation>&amp;Standard</translation>
    </message>
    <message>
        <source>&amp;Broadsheet (serif)</source>
        <translation>&amp;Broadsheet (Serifen)</translation>
    </message>
    <message>
        <source>&amp;Tabloid (bold)</source>
        <translation>Boulevar&amp;d (kräftig)</translation>
    </message>
    <message>
        <source>&amp;Magazine (calm)</source>
        <translation>&amp;Magazin (ruhig)</translation>
    </message>
    <message>
        <source>&amp;Your Stylesheet…</source>
        <translation>&amp;Eigenes Stylesheet…</translation>
    </message>
    <message>
        <source>&amp;Your Stylesheet: %1…</source>
        <translation>&amp;Eigenes Stylesheet: %1…</translation>
    </message>
    <message>
        <source>Choose page layout</source>
        <translation>Seitenlayout wählen</translation>
    </message>
    <message>
        <source>Your Stylesheet</source>
        <translation>Eigenes Stylesheet</translation>
    </message>
    <message>
        <source>Stylesheets (*.css)</source>
        <translation>Stylesheets (*.css)</translation>
    </message>
</context>
<context>
    <name>FocusComfort</name>
    <message>
        <source>&amp;Dim Other Paragraphs</source>
        <translation>Andere Absätze &amp;abblenden</translation>
    </message>
    <message>
        <source>&amp;Typewriter Scrolling</source>
        <translation>&amp;Schreibmaschinenmodus</translation>
    </message>
</context>
<context>
    <name>ArticlePaste</name>
    <message>
        <source>The pasted text looks like a whole article. Split it into headline, subheadline and sections, as an import would?</source>
        <translation>Der eingefügte Text sieht aus wie ein ganzer Artikel. Soll er wie beim Import in Überschrift, Unterzeile und Abschnitte aufgeteilt werden?</translation>
    </message>
    <message>
        <source>Headline: %1</source>
        <translation>Überschrift: %1</translation>
    </message>
    <message>
        <source>Sections with a heading: %1</source>
        <translation>Abschnitte mit Überschrift: %1</translation>
    </message>
    <message>
        <source>Paste as Article</source>
        <translation>Als Artikel einfügen</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Paste as article</source>
        <translation>Als Artikel einfügen</translation>
    </message>
</context>
</TS>
