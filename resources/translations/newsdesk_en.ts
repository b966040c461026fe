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
        <name>SectionTreeModel</name>
        <message numerus="yes">
            <source>Related links (%n)</source>
            <translation>
                <numerusform>Related links (%n)</numerusform>
                <numerusform>Related links (%n)</numerusform>
            </translation>
        </message>
    </context>
</TS>
