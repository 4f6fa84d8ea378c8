<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
    <context>
        <name>ArticleListModel</name>
        <message>
            <location filename="../../ui/article_list/model.py" line="250" />
            <source>Headline</source>
            <extracomment>Column order on screen, and the ArticleQuery.sort key each column sorts by. Emitted after every (re)load with the number of matching articles. A query failed; the message says what happened and what to do.</extracomment>
            <translation>Judul</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/model.py" line="251" />
            <source>Section</source>
            <translation>Rubrik</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/model.py" line="252" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/model.py" line="253" />
            <source>Byline</source>
            <translation>Penulis</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/model.py" line="254" />
            <source>Updated</source>
            <translation>Diperbarui</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/model.py" line="259" />
            <source>(no headline)</source>
            <translation>(tanpa judul)</translation>
        </message>
    </context>
    <context>
        <name>ArticleListPane</name>
        <message>
            <location filename="../../ui/article_list/pane.py" line="137" />
            <source>Click to hide</source>
            <extracomment>Narrower than this, a headline is cut to a word or two: hide other columns first. Keys the list handles itself even when a window-wide shortcut uses them too. The highlighted article changed (uuid.UUID, or None when nothing is selected). Enter or double-click: the user wants to work on this article (uuid.UUID). The list switched between the working list (False) and the trash (True).</extracomment>
            <translation>Klik untuk menyembunyikan</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/article_list/pane.py" line="212" />
            <source>%n article(s) in the trash</source>
            <translation>
                <numerusform>%n artikel di tempat sampah</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/article_list/pane.py" line="214" />
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n artikel</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/article_list/pane.py" line="282" />
            <source>Showing the trash. Select an article and press Delete to restore it.</source>
            <translation>Menampilkan tempat sampah. Pilih artikel lalu tekan Delete untuk memulihkannya.</translation>
        </message>
    </context>
    <context>
        <name>AutosaveController</name>
        <message>
            <location filename="../../ui/autosave.py" line="101" />
            <source>Could not write the recovery file: %1. Check free disk space.</source>
            <extracomment>The journal is written at most this often while typing goes on. After Ctrl+S: the revision that was kept. A conflict was resolved; the record now in the editor (or the new copy).</extracomment>
            <translation>Berkas pemulihan tidak dapat ditulis: %1. Periksa sisa ruang disk.</translation>
        </message>
    </context>
    <context>
        <name>BylineEditor</name>
        <message>
            <location filename="../../ui/editor_pane/bylines.py" line="45" />
            <source>Add to the byline</source>
            <translation>Tambahkan ke penulis</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/bylines.py" line="46" />
            <source>Remove from the byline</source>
            <translation>Hapus dari penulis</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/bylines.py" line="47" />
            <source>Move earlier</source>
            <translation>Pindah ke atas</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/bylines.py" line="48" />
            <source>Move later</source>
            <translation>Pindah ke bawah</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="37" />
            <source>This article was changed elsewhere</source>
            <translation>Artikel ini diubah di tempat lain</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="45" />
            <source>Someone saved this article while you were editing it (another window or another workstation). Nothing has been overwritten. Compare both versions and choose which to keep.</source>
            <translation>Seseorang menyimpan artikel ini saat Anda menyuntingnya (di jendela atau komputer lain). Tidak ada yang tertimpa. Bandingkan kedua versi lalu pilih yang akan disimpan.</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="60" />
            <source>Theirs (stored)</source>
            <translation>Versi mereka (tersimpan)</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="61" />
            <source>Mine (on screen)</source>
            <translation>Versi saya (di layar)</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="66" />
            <source>Keep mine</source>
            <translation>Pakai versi saya</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="67" />
            <source>Save my version over theirs</source>
            <translation>Simpan versi saya menggantikan versi mereka</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="68" />
            <source>Take theirs</source>
            <translation>Pakai versi mereka</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="69" />
            <source>Drop my changes and show their version</source>
            <translation>Buang perubahan saya dan tampilkan versi mereka</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="70" />
            <source>Copy mine to a new article</source>
            <translation>Salin versi saya ke artikel baru</translation>
        </message>
        <message>
            <location filename="../../ui/conflict_dialog.py" line="71" />
            <source>Keep both: theirs here, mine as a new article</source>
            <translation>Simpan keduanya: versi mereka di sini, versi saya sebagai artikel baru</translation>
        </message>
    </context>
    <context>
        <name>EditorPane</name>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="72" />
            <source>Formatting</source>
            <extracomment>Word counts of bodies up to this size are computed right away on the GUI thread; longer bodies are counted on a worker so a keystroke never waits for the count.</extracomment>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="180" />
            <source>bold text</source>
            <translation>teks tebal</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="183" />
            <source>italic text</source>
            <translation>teks miring</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="186" />
            <source>link text</source>
            <translation>teks tautan</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="198" />
            <source>Quoted words</source>
            <translation>Kata-kata kutipan</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="205" />
            <source>Insert an image</source>
            <translation>Sisipkan gambar</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="209" />
            <source>Caption</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="331" />
            <source>%1 / %2 words</source>
            <translation>%1 / %2 kata</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="338" />
            <source>%1 words</source>
            <translation>%1 kata</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="116" />
            <source>Bold</source>
            <translation>Tebal</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="117" />
            <source>Italic</source>
            <translation>Miring</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="118" />
            <source>Heading</source>
            <translation>Subjudul</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="119" />
            <source>Link</source>
            <translation>Tautan</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="120" />
            <source>Quote</source>
            <translation>Kutipan</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="121" />
            <source>List</source>
            <translation>Daftar</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="122" />
            <source>Image…</source>
            <translation>Gambar…</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="124" />
            <source>Pull quote</source>
            <translation>Kutipan menonjol</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="128" />
            <source>“Baca juga” link…</source>
            <translation>Tautan “Baca juga”…</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="136" />
            <source>Find</source>
            <translation>Cari</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="140" />
            <source>Replace</source>
            <translation>Ganti</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="147" />
            <source>Undo</source>
            <translation>Urungkan</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/pane.py" line="151" />
            <source>Redo</source>
            <translation>Ulangi</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="200" />
            <source>Any status</source>
            <extracomment>The first date a date edit can show stands for "no limit" (shown as a dash).</extracomment>
            <translation>Semua status</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="211" />
            <source>All sections</source>
            <translation>Semua rubrik</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="221" />
            <source>Anyone</source>
            <translation>Semua penulis</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="237" />
            <source>Search headlines and text…</source>
            <translation>Cari judul dan isi…</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="238" />
            <source>Search articles (Ctrl+F in the list)</source>
            <translation>Cari artikel (Ctrl+F di daftar)</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="239" />
            <source>Filters</source>
            <translation>Saring</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="240" />
            <source>Show or hide the filters</source>
            <translation>Tampilkan atau sembunyikan saringan</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="241" />
            <source>Only articles with this status</source>
            <translation>Hanya artikel dengan status ini</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="242" />
            <source>Only articles in this section (and its subsections)</source>
            <translation>Hanya artikel di rubrik ini (dan subrubriknya)</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="243" />
            <source>Only articles with this person in the byline</source>
            <translation>Hanya artikel dengan penulis ini</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="244" />
            <source>from</source>
            <translation>dari</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="245" />
            <source>Updated on or after this day</source>
            <translation>Diperbarui pada atau setelah tanggal ini</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="246" />
            <source>until</source>
            <translation>sampai</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/filter_bar.py" line="247" />
            <source>Updated on or before this day</source>
            <translation>Diperbarui pada atau sebelum tanggal ini</translation>
        </message>
    </context>
    <context>
        <name>FindReplaceBar</name>
        <message>
            <location filename="../../ui/find_replace.py" line="33" />
            <source>Find</source>
            <translation>Cari</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="35" />
            <source>Replace with</source>
            <translation>Ganti dengan</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="36" />
            <source>Aa</source>
            <translation>Aa</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="37" />
            <source>Match case</source>
            <translation>Cocokkan huruf besar/kecil</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="38" />
            <source>Whole word</source>
            <translation>Kata utuh</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="49" />
            <source>Previous match (Shift+Enter)</source>
            <translation>Temuan sebelumnya (Shift+Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="51" />
            <source>Next match (Enter)</source>
            <translation>Temuan berikutnya (Enter)</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="53" />
            <source>Replace</source>
            <translation>Ganti</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="53" />
            <source>Replace this match</source>
            <translation>Ganti temuan ini</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="56" />
            <source>Replace all</source>
            <translation>Ganti semua</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="56" />
            <source>Replace every match (one undo step)</source>
            <translation>Ganti semua temuan (satu langkah urung)</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="58" />
            <source>Close (Esc)</source>
            <translation>Tutup (Esc)</translation>
        </message>
        <message>
            <location filename="../../ui/find_replace.py" line="146" />
            <source>Not found</source>
            <translation>Tidak ditemukan</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/find_replace.py" line="199" />
            <source>%n replaced</source>
            <translation>
                <numerusform>%n diganti</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../ui/main_window.py" line="275" />
            <source>Saved, with a revision you can go back to</source>
            <extracomment>Where each action sits. Ids the panes register (edit.*) are placed too; an id nobody registered is skipped, so a pane can grow or shrink its set of actions freely. Actions that need an article open in the editor. Emitted once the database is attached and the list shows its first page.</extracomment>
            <translation>Tersimpan, dengan revisi yang bisa dipulihkan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="285" />
            <source>Could not read the recovery files: %1</source>
            <translation>Berkas pemulihan tidak dapat dibaca: %1</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="291" />
            <source>Redaksi was not closed properly last time. The unsaved text of %n article(s) was restored.</source>
            <translation>
                <numerusform>Redaksi tidak ditutup dengan benar terakhir kali. Teks yang belum tersimpan dari %n artikel sudah dipulihkan.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="408" />
            <source>About Redaksi</source>
            <translation>Tentang Redaksi</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="410" />
            <source>&lt;h3&gt;Redaksi %1&lt;/h3&gt;&lt;p&gt;A desktop newsroom editor: draft, review, schedule and publish.&lt;/p&gt;&lt;p&gt;Licensed under the GPL, version 3 or later.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Redaksi %1&lt;/h3&gt;&lt;p&gt;Penyunting ruang redaksi untuk desktop: tulis draf, tinjau, jadwalkan, dan terbitkan.&lt;/p&gt;&lt;p&gt;Berlisensi GPL, versi 3 atau yang lebih baru.&lt;/p&gt;</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="517" />
            <location filename="../../ui/main_window.py" line="610" />
            <source>Redaksi</source>
            <translation>Redaksi</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="546" />
            <source>Close without saving?</source>
            <translation>Tutup tanpa menyimpan?</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="548" />
            <source>The open article could not be saved. Close anyway and lose the latest changes? Choose No to stay and copy your text somewhere safe.</source>
            <translation>Artikel yang terbuka tidak dapat disimpan. Tetap tutup dan kehilangan perubahan terakhir? Pilih Tidak untuk kembali dan menyalin teks Anda ke tempat aman.</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="564" />
            <source>&amp;New article</source>
            <translation>Artikel &amp;baru</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="564" />
            <source>Start a new draft</source>
            <translation>Mulai draf baru</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="565" />
            <source>D&amp;uplicate</source>
            <translation>&amp;Gandakan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="565" />
            <source>Make a copy of this article</source>
            <translation>Buat salinan artikel ini</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="566" />
            <source>&amp;Save</source>
            <translation>&amp;Simpan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="566" />
            <source>Save now and keep a revision</source>
            <translation>Simpan sekarang dan catat sebagai revisi</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="568" />
            <source>Move to &amp;trash</source>
            <translation>Pindahkan ke &amp;tempat sampah</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="569" />
            <source>Move the selected article to the trash</source>
            <translation>Pindahkan artikel terpilih ke tempat sampah</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="572" />
            <source>&amp;Restore from trash</source>
            <translation>&amp;Pulihkan dari tempat sampah</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="573" />
            <source>Take the article out of the trash</source>
            <translation>Keluarkan artikel dari tempat sampah</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="576" />
            <source>Re&amp;visions…</source>
            <translation>Re&amp;visi…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="577" />
            <source>Earlier versions of this article</source>
            <translation>Versi-versi sebelumnya dari artikel ini</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="580" />
            <source>Open in &amp;browser</source>
            <translation>Buka di &amp;peramban</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="581" />
            <source>Show the published page in a browser</source>
            <translation>Tampilkan halaman terbitnya di peramban</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="583" />
            <source>Search &amp;articles</source>
            <translation>Cari &amp;artikel</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="583" />
            <source>Search the article list</source>
            <translation>Cari di daftar artikel</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="584" />
            <source>Show &amp;trash</source>
            <translation>Lihat &amp;tempat sampah</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="584" />
            <source>Show the articles in the trash</source>
            <translation>Tampilkan artikel di tempat sampah</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="585" />
            <source>&amp;Preview</source>
            <translation>&amp;Pratinjau</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="585" />
            <source>Show or hide the preview</source>
            <translation>Tampilkan atau sembunyikan pratinjau</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="586" />
            <source>Go to &amp;list</source>
            <translation>Ke &amp;daftar</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="587" />
            <source>Go to &amp;editor</source>
            <translation>Ke &amp;penyunting</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="589" />
            <source>&amp;Publish site…</source>
            <translation>&amp;Terbitkan situs…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="590" />
            <source>Write the public site to a folder</source>
            <translation>Tulis situs publik ke sebuah folder</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="593" />
            <source>&amp;Preferences…</source>
            <translation>Pre&amp;ferensi…</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="594" />
            <source>Time zone, language, theme, autosave</source>
            <translation>Zona waktu, bahasa, tema, simpan otomatis</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="596" />
            <source>&amp;Quit</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="597" />
            <source>&amp;About Redaksi</source>
            <translation>&amp;Tentang Redaksi</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="601" />
            <source>&amp;Article</source>
            <translation>&amp;Artikel</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="602" />
            <source>&amp;Edit</source>
            <translation>&amp;Sunting</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="603" />
            <source>&amp;View</source>
            <translation>&amp;Tampilan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="604" />
            <source>&amp;Tools</source>
            <translation>&amp;Alat</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="605" />
            <source>&amp;Help</source>
            <translation>&amp;Bantuan</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="609" />
            <source>Main toolbar</source>
            <translation>Bilah alat utama</translation>
        </message>
        <message>
            <location filename="../../ui/app.py" line="297" />
            <source>Cannot open the newsroom database</source>
            <extracomment>How long a screenshot waits for the preview to finish rendering.</extracomment>
            <translation>Basis data redaksi tidak dapat dibuka</translation>
        </message>
    </context>
    <context>
        <name>MetadataForm</name>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="63" />
            <source>Kicker</source>
            <extracomment>Portal headlines longer than this get cut in lists and search results.</extracomment>
            <translation>Kicker</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="65" />
            <source>Headline</source>
            <translation>Judul</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="74" />
            <source>Characters used of the headline budget (%1)</source>
            <translation>Karakter terpakai dari jatah judul (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="80" />
            <source>Follows the headline until you edit it</source>
            <translation>Mengikuti judul sampai Anda mengubahnya</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="83" />
            <source>Section</source>
            <translation>Rubrik</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="90" />
            <source>Language of the article</source>
            <translation>Bahasa artikel</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="93" />
            <source>More</source>
            <translation>Lainnya</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="100" />
            <source>tag, another tag</source>
            <translation>tag, tag lain</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="103" />
            <source>No lead image</source>
            <translation>Tanpa foto utama</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="105" />
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="107" />
            <location filename="../../ui/editor_pane/metadata_form.py" line="149" />
            <source>Caption</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="109" />
            <source>Credit, e.g. NATO/Net</source>
            <translation>Kredit, mis. NATO/Net</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="129" />
            <source>Slug</source>
            <translation>Slug</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="140" />
            <source>Byline</source>
            <translation>Penulis</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="141" />
            <source>Tags</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="145" />
            <source>Lead image</source>
            <translation>Foto utama</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="194" />
            <source>(no section)</source>
            <translation>(tanpa rubrik)</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/metadata_form.py" line="281" />
            <source>Choose the lead image</source>
            <translation>Pilih foto utama</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <location filename="../../ui/preferences.py" line="46" />
            <source>Preferences</source>
            <extracomment>The zones a newsroom picks from, with the abbreviation readers know.</extracomment>
            <translation>Preferensi</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="60" />
            <location filename="../../ui/preferences.py" line="69" />
            <source>Same as the system</source>
            <translation>Ikuti sistem</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="70" />
            <source>Light</source>
            <translation>Terang</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="71" />
            <source>Dark</source>
            <translation>Gelap</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="77" />
            <source> s</source>
            <translation> detik</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="87" />
            <source>Choose file…</source>
            <translation>Pilih berkas…</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="94" />
            <source>A file path for a database on this computer, or postgresql://server/name for a shared newsroom server. Takes effect the next time Redaksi starts.</source>
            <translation>Jalur berkas basis data di komputer ini, atau postgresql://server/nama untuk server redaksi bersama. Berlaku saat Redaksi dibuka berikutnya.</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="103" />
            <source>Newsroom time zone</source>
            <translation>Zona waktu redaksi</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="104" />
            <source>Interface language</source>
            <translation>Bahasa antarmuka</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="105" />
            <source>Theme</source>
            <translation>Tema</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="106" />
            <source>Autosave after a pause of</source>
            <translation>Simpan otomatis setelah jeda</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="107" />
            <source>Database</source>
            <translation>Basis data</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="142" />
            <source>Enter a database file or server address.</source>
            <translation>Isi berkas basis data atau alamat server.</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="146" />
            <source>Preferences not saved</source>
            <translation>Preferensi tidak tersimpan</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="156" />
            <source>Database file</source>
            <translation>Berkas basis data</translation>
        </message>
        <message>
            <location filename="../../ui/preferences.py" line="158" />
            <source>Redaksi database (*.db);;All files (*)</source>
            <translation>Basis data Redaksi (*.db);;Semua berkas (*)</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <location filename="../../ui/preview_pane.py" line="63" />
            <source>Preview</source>
            <extracomment>How long typing must pause before the preview is rebuilt. Emitted after new HTML is on screen (tests and benchmarks wait for it). Emitted when building the page failed; the message says what to fix.</extracomment>
            <translation>Pratinjau</translation>
        </message>
        <message>
            <location filename="../../ui/preview_pane.py" line="67" />
            <source>Open in browser</source>
            <translation>Buka di peramban</translation>
        </message>
        <message>
            <location filename="../../ui/preview_pane.py" line="159" />
            <source>The preview could not be built: %1</source>
            <translation>Pratinjau tidak dapat dibuat: %1</translation>
        </message>
    </context>
    <context>
        <name>PublishDialog</name>
        <message>
            <location filename="../../ui/publish_dialog.py" line="121" />
            <source>Publish site</source>
            <extracomment>Progress signals per publish, at most (plus the first and the last). Emitted in the GUI thread with the PublishReport after a successful publish.</extracomment>
            <translation>Terbitkan situs</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="131" />
            <source>Folder the site is written to</source>
            <translation>Folder tempat situs ditulis</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="133" />
            <source>Choose…</source>
            <translation>Pilih…</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="141" />
            <source>Rebuild every file (full publish)</source>
            <translation>Bangun ulang semua berkas (terbit penuh)</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="143" />
            <source>Off: rewrite only what changed since the last publish (faster).</source>
            <translation>Mati: tulis ulang hanya yang berubah sejak penerbitan terakhir (lebih cepat).</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="146" />
            <source>Lists in every page</source>
            <translation>Daftar di setiap halaman</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="147" />
            <source>One shared fragment (server-side include)</source>
            <translation>Satu fragmen bersama (server-side include)</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="150" />
            <source>A shared fragment keeps a new article from rewriting every page; the web server must have SSI on (nginx: ssi on; Apache: mod_include).</source>
            <translation>Fragmen bersama membuat artikel baru tidak perlu menulis ulang setiap halaman; server web harus menyalakan SSI (nginx: ssi on; Apache: mod_include).</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="156" />
            <source>Output folder:</source>
            <translation>Folder keluaran:</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="157" />
            <source>Site address:</source>
            <translation>Alamat situs:</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="158" />
            <source>Populer and UPDATE:</source>
            <translation>Populer dan UPDATE:</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="164" />
            <source>Ready.</source>
            <translation>Siap.</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="168" />
            <source>The publish report appears here.</source>
            <translation>Laporan penerbitan muncul di sini.</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="172" />
            <source>Publish</source>
            <translation>Terbitkan</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="205" />
            <source>Publish the site into</source>
            <translation>Terbitkan situs ke</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="250" />
            <source>Publishing…</source>
            <translation>Menerbitkan…</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="267" />
            <source>Cancelling…</source>
            <translation>Membatalkan…</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="285" />
            <source>Published.</source>
            <translation>Sudah terbit.</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="294" />
            <source>Cancelled. The previous site is unchanged.</source>
            <translation>Dibatalkan. Situs sebelumnya tidak berubah.</translation>
        </message>
        <message>
            <location filename="../../ui/publish_dialog.py" line="296" />
            <source>Publishing failed. The previous site is unchanged.</source>
            <translation>Penerbitan gagal. Situs sebelumnya tidak berubah.</translation>
        </message>
    </context>
    <context>
        <name>RelatedArticleDialog</name>
        <message>
            <location filename="../../ui/editor_pane/related_dialog.py" line="29" />
            <source>Baca juga: choose an article</source>
            <translation>Baca juga: pilih artikel</translation>
        </message>
        <message>
            <location filename="../../ui/editor_pane/related_dialog.py" line="32" />
            <source>Search headlines and text</source>
            <translation>Cari judul dan isi</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/editor_pane/related_dialog.py" line="68" />
            <source>%n article(s) found</source>
            <translation>
                <numerusform>%n artikel ditemukan</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RevisionsDialog</name>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="57" />
            <source>Revisions</source>
            <translation>Revisi</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="76" />
            <source>Select one revision, or two with Ctrl+click, to compare.</source>
            <translation>Pilih satu revisi, atau dua dengan Ctrl+klik, untuk dibandingkan.</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="78" />
            <source>Restore this revision</source>
            <translation>Pulihkan revisi ini</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="81" />
            <source>Close</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="121" />
            <source>No revisions yet: Ctrl+S keeps one.</source>
            <translation>Belum ada revisi: Ctrl+S menyimpan satu.</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="154" />
            <source>(nothing before)</source>
            <translation>(belum ada sebelumnya)</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="156" />
            <location filename="../../ui/revisions_dialog.py" line="157" />
            <source>Revision %1</source>
            <translation>Revisi %1</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="174" />
            <source>Could not restore</source>
            <translation>Tidak dapat dipulihkan</translation>
        </message>
        <message>
            <location filename="../../ui/revisions_dialog.py" line="178" />
            <source>Revision %1 restored. The state before it was kept as a revision.</source>
            <translation>Revisi %1 dipulihkan. Keadaan sebelumnya disimpan sebagai revisi.</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../ui/article_list/labels.py" line="16" />
            <source>Draft</source>
            <translation>Draf</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="17" />
            <source>Submitted</source>
            <translation>Diajukan</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="18" />
            <source>In review</source>
            <translation>Ditinjau</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="19" />
            <source>Sent back</source>
            <translation>Dikembalikan</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="20" />
            <source>Approved</source>
            <translation>Disetujui</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="21" />
            <source>Scheduled</source>
            <translation>Terjadwal</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="22" />
            <source>Published</source>
            <translation>Terbit</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="23" />
            <source>Corrected</source>
            <translation>Dikoreksi</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="24" />
            <source>Killed</source>
            <translation>Dibatalkan</translation>
        </message>
        <message>
            <location filename="../../ui/article_list/labels.py" line="25" />
            <source>In trash</source>
            <translation>Di tempat sampah</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message numerus="yes">
            <location filename="../../ui/status_bar.py" line="82" />
            <source>%1 words, %2 characters</source>
            <translation>
                <numerusform>%1 kata, %2 karakter</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/status_bar.py" line="87" />
            <source>%n min read</source>
            <translation>
                <numerusform>%n menit baca</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/status_bar.py" line="92" />
            <source>Saved %1</source>
            <translation>Tersimpan %1</translation>
        </message>
        <message>
            <location filename="../../ui/status_bar.py" line="94" />
            <source>Not saved yet</source>
            <translation>Belum tersimpan</translation>
        </message>
        <message>
            <location filename="../../ui/status_bar.py" line="96" />
            <source>Not saved: see the message</source>
            <translation>Tidak tersimpan: lihat pesannya</translation>
        </message>
    </context>
</TS>
