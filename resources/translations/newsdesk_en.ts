<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>CountsStatus</name>
        <message numerus="yes">
            <source>%n min read</source>
            <translation>
                <numerusform>%n min read</numerusform>
                <numerusform>%n min read</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message numerus="yes">
            <source>%n photo(s), %1 already on the site</source>
            <translation>
                <numerusform>%n photo, %1 already on the site</numerusform>
                <numerusform>%n photos, %1 already on the site</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <source>and %n more</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The check found %n error(s) readers would notice:</source>
            <translation>
                <numerusform>The check found %n error readers would notice:</numerusform>
                <numerusform>The check found %n errors readers would notice:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FindReplaceDialog</name>
        <message numerus="yes">
            <source>Replaced %n occurrence(s)</source>
            <translation>
                <numerusform>Replaced %n occurrence</numerusform>
                <numerusform>Replaced %n occurrences</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImageFields</name>
        <message numerus="yes">
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n character</numerusform>
                <numerusform>%n characters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreflightPanel</name>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hint(s)</source>
            <translation>
                <numerusform>%n hint</numerusform>
                <numerusform>%n hints</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SectionTreeModel</name>
        <message numerus="yes">
            <source>Related links (%n)</source>
            <translation>
                <numerusform>Related links (%n)</numerusform>
                <numerusform>Related links (%n)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DraftsDialog</name>
        <message numerus="yes">
            <source>%n word(s)</source>
            <translation>
                <numerusform>%n word</numerusform>
                <numerusform>%n words</numerusform>
            </translation>
        </message>
    </context>
</TS>
