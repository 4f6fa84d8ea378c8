<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ArticleListPane</name>
    <message numerus="yes">
        <location filename="../../ui/article_list/pane.py" line="233" />
        <source>%n or more article(s), counting…</source>
        <translation>
            <numerusform>%n or more articles, counting…</numerusform>
            <numerusform>%n or more articles, counting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/article_list/pane.py" line="235" />
        <source>%n article(s) in the trash</source>
        <translation>
            <numerusform>%n article in the trash</numerusform>
            <numerusform>%n articles in the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/article_list/pane.py" line="237" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message numerus="yes">
        <location filename="../../ui/find_replace.py" line="216" />
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaBrowser</name>
    <message numerus="yes">
        <location filename="../../ui/media/browser.py" line="325" />
        <source>Used in %n article(s): %1</source>
        <translation>
            <numerusform>Used in %n article: %1</numerusform>
            <numerusform>Used in %n articles: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/media/browser.py" line="422" />
        <source>Show %1 instead in the %n article(s) that show this picture?</source>
        <translation>
            <numerusform>Show %1 instead in the %n article that shows this picture?</numerusform>
            <numerusform>Show %1 instead in the %n articles that show this picture?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewsroomDictionaryDialog</name>
    <message numerus="yes">
        <location filename="../../ui/spelling/newsroom_dialog.py" line="130" />
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelatedArticleDialog</name>
    <message numerus="yes">
        <location filename="../../ui/editor_pane/related_dialog.py" line="70" />
        <source>%n article(s) found</source>
        <translation>
            <numerusform>%n article found</numerusform>
            <numerusform>%n articles found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="222" />
        <source>%1 words, %2 characters</source>
        <translation>
            <numerusform>%1 words, %2 characters</numerusform>
            <numerusform>%1 words, %2 characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="227" />
        <source>%n min read</source>
        <translation>
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="207" />
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="209" />
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UncleanExitRecovery</name>
    <message numerus="yes">
        <location filename="../../ui/unclean_exit.py" line="47" />
        <source>Redaksi was not closed properly last time. The unsaved text of %n article(s) is kept aside: it is put back as soon as you sign in (Article → Switch profile).</source>
        <translation>
            <numerusform>Redaksi was not closed properly last time. The unsaved text of %n article is kept aside: it is put back as soon as you sign in (Article → Switch profile).</numerusform>
            <numerusform>Redaksi was not closed properly last time. The unsaved text of %n articles is kept aside: it is put back as soon as you sign in (Article → Switch profile).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/unclean_exit.py" line="85" />
        <source>Redaksi was not closed properly last time. The unsaved text of %n article(s) was restored.</source>
        <translation>
            <numerusform>Redaksi was not closed properly last time. The unsaved text of %n article was restored.</numerusform>
            <numerusform>Redaksi was not closed properly last time. The unsaved text of %n articles was restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkflowIntegration</name>
    <message numerus="yes">
        <location filename="../../ui/workflow/integration.py" line="340" />
        <source>%n scheduled article(s) published.</source>
        <translation>
            <numerusform>%n scheduled article published.</numerusform>
            <numerusform>%n scheduled articles published.</numerusform>
        </translation>
    </message>
</context>
</TS>