<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../ui/article_list/model.py" line="301" />
        <source>Headline</source>
        <extracomment>Column order on screen, and the ArticleQuery.sort key each column sorts by. None: not counted. Emitted after every (re)load with the number of matching articles. A query failed; the message says what happened and what to do. False while a search's matches are still being counted: ``_total`` is then only how many are known so far.</extracomment>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/model.py" line="302" />
        <source>Section</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/model.py" line="303" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/model.py" line="304" />
        <source>Byline</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/model.py" line="305" />
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/model.py" line="310" />
        <source>(no headline)</source>
        <translation>(tanpa judul)</translation>
    </message>
</context>
<context>
    <name>ArticleListPane</name>
    <message>
        <location filename="../../ui/article_list/pane.py" line="153" />
        <source>Click to hide</source>
        <extracomment>Narrower than this, a headline is cut to a word or two: hide other columns first. Keys the list handles itself even when a window-wide shortcut uses them too. The highlighted article changed (uuid.UUID, or None when nothing is selected). Enter or double-click: the user wants to work on this article (uuid.UUID). The list switched between the working list (False) and the trash (True).</extracomment>
        <translation>Klik untuk menyembunyikan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/article_list/pane.py" line="233" />
        <source>%n or more article(s), counting…</source>
        <translation>
            <numerusform>%n artikel atau lebih, sedang dihitung…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/article_list/pane.py" line="235" />
        <source>%n article(s) in the trash</source>
        <translation>
            <numerusform>%n artikel di tempat sampah</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/article_list/pane.py" line="237" />
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/article_list/pane.py" line="305" />
        <source>Showing the trash. Delete (or Article → Restore from trash) takes the selected article out of the trash.</source>
        <translation>Menampilkan tempat sampah. Delete (atau Artikel → Pulihkan dari tempat sampah) mengeluarkan artikel yang dipilih dari tempat sampah.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="203" />
        <source>Audit log</source>
        <translation>Log audit</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="69" />
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="70" />
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="71" />
        <source>Who</source>
        <translation>Siapa</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="72" />
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="73" />
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="74" />
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="75" />
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="100" />
        <source>scheduler</source>
        <translation>penjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="100" />
        <source>system</source>
        <translation>sistem</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="121" />
        <source>publish at %1</source>
        <translation>terbit pada %1</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="179" />
        <source>This article</source>
        <translation>Artikel ini</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="179" />
        <source>Whole newsroom</source>
        <translation>Seluruh redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="182" />
        <source>Show:</source>
        <translation>Tampilkan:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/audit_view.py" line="183" />
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
</context>
<context>
    <name>AutosaveController</name>
    <message>
        <location filename="../../ui/autosave.py" line="148" />
        <source>Could not write the recovery file: %1. Check free disk space.</source>
        <extracomment>The journal is written at most this often while typing goes on. After Ctrl+S: the revision that was kept. A conflict was resolved; the record now in the editor (or the new copy). A save met someone else's live lock (LockRecord): this window lost the article. A save reached nobody (its SQLite log had been removed) and was done again. Who works in the window and its lock session (None until the workflow attaches).</extracomment>
        <translation>Berkas pemulihan tidak dapat ditulis: %1. Periksa sisa ruang disk.</translation>
    </message>
</context>
<context>
    <name>BackgroundDialog</name>
    <message>
        <location filename="../../ui/background_dialog.py" line="73" />
        <source>Ready.</source>
        <translation>Siap.</translation>
    </message>
    <message>
        <location filename="../../ui/background_dialog.py" line="144" />
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
</context>
<context>
    <name>BudgetDocument</name>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="33" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="34" />
        <source>Headline</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="35" />
        <source>Section</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="36" />
        <source>Byline</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="37" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="38" />
        <source>Words</source>
        <translation>Kata</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="44" />
        <source>Untitled</source>
        <translation>Tanpa judul</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="52" />
        <source>Nothing is scheduled or published on this day.</source>
        <translation>Tidak ada yang dijadwalkan atau terbit pada hari ini.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="55" />
        <location filename="../../ui/workflow/budget_pdf.py" line="84" />
        <source>Story budget for %1</source>
        <translation>Daftar berita untuk %1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/budget_pdf.py" line="57" />
        <source>%1 stories, %2 words in all</source>
        <translation>%1 berita, total %2 kata</translation>
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
    <name>CalendarDialog</name>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="408" />
        <source>Editorial calendar</source>
        <translation>Kalender redaksi</translation>
    </message>
</context>
<context>
    <name>CalendarModel</name>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="136" />
        <source>Mon</source>
        <extracomment>The core refused a reschedule: its message. A reschedule went through: the article's new record.</extracomment>
        <translation>Sen</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="137" />
        <source>Tue</source>
        <translation>Sel</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="138" />
        <source>Wed</source>
        <translation>Rab</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="139" />
        <source>Thu</source>
        <translation>Kam</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="140" />
        <source>Fri</source>
        <translation>Jum</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="141" />
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="142" />
        <source>Sun</source>
        <translation>Min</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="162" />
        <source>%1 words</source>
        <translation>%1 kata</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="230" />
        <source>Choose your profile first (Article &gt; Switch profile).</source>
        <translation>Pilih profil Anda dulu (Artikel &gt; Ganti profil).</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="275" />
        <source>Checklist not complete</source>
        <translation>Daftar periksa belum lengkap</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="276" />
        <source>%1

To go ahead anyway, give the reason the audit log keeps:</source>
        <translation>%1

Untuk tetap melanjutkan, tulis alasannya (disimpan di log audit):</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="372" />
        <source>Week of %1 to %2</source>
        <extracomment>Double-click (or Enter) on a slot: open its first article in the main window.</extracomment>
        <translation>Pekan %1 sampai %2</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="383" />
        <source>Not rescheduled</source>
        <translation>Jadwal tidak diubah</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="386" />
        <source>‹ Previous week</source>
        <translation>‹ Pekan sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="387" />
        <source>This week</source>
        <translation>Pekan ini</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="388" />
        <source>Next week ›</source>
        <translation>Pekan berikutnya ›</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="391" />
        <source>Drag a scheduled story to another hour or day to reschedule it.</source>
        <translation>Seret berita terjadwal ke jam atau hari lain untuk mengubah jadwalnya.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/calendar_view.py" line="394" />
        <source>Only editors can reschedule stories.</source>
        <translation>Hanya editor yang dapat mengubah jadwal berita.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="120" />
        <source>PNG…</source>
        <extracomment>Width of an exported PNG, in pixels: sharp enough for a report or a slide. A short stable name, used for object names and suggested file names.</extracomment>
        <translation>PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="121" />
        <source>Save this chart as a PNG picture</source>
        <translation>Simpan grafik ini sebagai gambar PNG</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="122" />
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="123" />
        <source>Save this chart's numbers as a CSV file</source>
        <translation>Simpan angka grafik ini sebagai berkas CSV</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="142" />
        <source>Save chart as PNG</source>
        <translation>Simpan grafik sebagai PNG</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="142" />
        <source>PNG pictures (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="147" />
        <source>Save chart data as CSV</source>
        <translation>Simpan data grafik sebagai CSV</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="147" />
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="162" />
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/panel.py" line="163" />
        <source>Could not save %1: %2. Choose another folder and try again.</source>
        <translation>%1 tidak dapat disimpan: %2. Pilih folder lain lalu coba lagi.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="39" />
        <source>This article was changed elsewhere</source>
        <translation>Artikel ini diubah di tempat lain</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="48" />
        <source>Someone saved this article while you were editing it (another window or another workstation). Nothing has been overwritten. Compare both versions and choose which to keep.</source>
        <translation>Seseorang menyimpan artikel ini saat Anda menyuntingnya (di jendela atau komputer lain). Tidak ada yang tertimpa. Bandingkan kedua versi lalu pilih yang akan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="64" />
        <source>Theirs (stored)</source>
        <translation>Versi mereka (tersimpan)</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="65" />
        <source>Mine (on screen)</source>
        <translation>Versi saya (di layar)</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="70" />
        <source>Keep mine</source>
        <translation>Pakai versi saya</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="71" />
        <source>Save my version over theirs</source>
        <translation>Simpan versi saya menggantikan versi mereka</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="72" />
        <source>Take theirs</source>
        <translation>Pakai versi mereka</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="73" />
        <source>Drop my changes and show their version</source>
        <translation>Buang perubahan saya dan tampilkan versi mereka</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="74" />
        <source>Copy mine to a new article</source>
        <translation>Salin versi saya ke artikel baru</translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="75" />
        <source>Keep both: theirs here, mine as a new article</source>
        <translation>Simpan keduanya: versi mereka di sini, versi saya sebagai artikel baru</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/dashboard/view.py" line="194" />
        <source>Updating…</source>
        <extracomment>The user asked to open an article (a Populer bar was clicked): its uuid.UUID. Every chart was redrawn for a new filter. A fixed clock (tests, screenshots, the bench); None means the real time.</extracomment>
        <translation>Memperbarui…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="216" />
        <source>Could not read the numbers: %1. Check the database and choose a filter again.</source>
        <translation>Angka tidak dapat dibaca: %1. Periksa basis data lalu pilih saringan lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="308" />
        <source>Page views, %1</source>
        <translation>Tayangan halaman, %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="310" />
        <source>Populer, %1</source>
        <translation>Populer, %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="311" />
        <source>Articles published, %1</source>
        <translation>Artikel terbit, %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="313" />
        <source>From first draft to publication, per section, %1</source>
        <translation>Dari draf pertama sampai terbit, per rubrik, %1</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="315" />
        <source>Pipeline now, and the coming days</source>
        <translation>Alur kerja saat ini, dan beberapa hari ke depan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="318" />
        <source>&amp;Window:</source>
        <translation>&amp;Rentang:</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="319" />
        <source>&amp;Section:</source>
        <translation>R&amp;ubrik:</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="320" />
        <source>&amp;Reporter:</source>
        <translation>&amp;Reporter:</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="322" />
        <source>last 24 hours</source>
        <translation>24 jam terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="323" />
        <source>last 7 days</source>
        <translation>7 hari terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="324" />
        <source>last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="325" />
        <source>last 90 days</source>
        <translation>90 hari terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="329" />
        <source>All sections</source>
        <translation>Semua rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="330" />
        <source>All reporters</source>
        <translation>Semua reporter</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="331" />
        <source>All articles</source>
        <translation>Semua artikel</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="332" />
        <source>per hour</source>
        <translation>per jam</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="333" />
        <location filename="../../ui/dashboard/view.py" line="334" />
        <source>per day</source>
        <translation>per hari</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="335" />
        <source>per week</source>
        <translation>per pekan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="336" />
        <source>by section</source>
        <translation>per rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="337" />
        <source>by reporter</source>
        <translation>per reporter</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/view.py" line="340" />
        <source>Newsroom dashboard</source>
        <translation>Dasbor redaksi</translation>
    </message>
</context>
<context>
    <name>DatabaseWatch</name>
    <message>
        <location filename="../../ui/database_watch.py" line="46" />
        <source>Another program removed the database's -wal file while Redaksi had it open. Redaksi reconnected; nothing was lost.</source>
        <extracomment>Something happened that the user should know: the message for the status bar.</extracomment>
        <translation>Program lain menghapus berkas -wal basis data saat Redaksi sedang membukanya. Redaksi sudah tersambung lagi; tidak ada yang hilang.</translation>
    </message>
</context>
<context>
    <name>EditorPane</name>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="81" />
        <location filename="../../ui/editor_pane/pane.py" line="109" />
        <source>Formatting</source>
        <extracomment>"Add to the newsroom dictionary" chosen: the window adds it as the signed-in person. Something the person should read once (a word not added, no dictionary...). Local files dropped on the body (the window brings pictures into the library).</extracomment>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="125" />
        <location filename="../../ui/editor_pane/pane.py" line="205" />
        <source>Paste as plain text</source>
        <translation>Tempel sebagai teks biasa</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="247" />
        <source>bold text</source>
        <translation>teks tebal</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="250" />
        <source>italic text</source>
        <translation>teks miring</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="253" />
        <source>link text</source>
        <translation>teks tautan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="265" />
        <source>Quoted words</source>
        <translation>Kata-kata kutipan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="280" />
        <source>Insert an image</source>
        <translation>Sisipkan gambar</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="282" />
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="293" />
        <source>Photo description</source>
        <translation>Deskripsi foto</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="294" />
        <source>Caption</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="112" />
        <location filename="../../ui/editor_pane/pane.py" line="152" />
        <source>Bold</source>
        <translation>Tebal</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="113" />
        <location filename="../../ui/editor_pane/pane.py" line="157" />
        <source>Italic</source>
        <translation>Miring</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="114" />
        <location filename="../../ui/editor_pane/pane.py" line="161" />
        <source>Heading</source>
        <translation>Subjudul</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="115" />
        <location filename="../../ui/editor_pane/pane.py" line="162" />
        <source>Link</source>
        <translation>Tautan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="116" />
        <location filename="../../ui/editor_pane/pane.py" line="163" />
        <source>Quote</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="117" />
        <location filename="../../ui/editor_pane/pane.py" line="164" />
        <source>List</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="118" />
        <location filename="../../ui/editor_pane/pane.py" line="168" />
        <source>Image…</source>
        <translation>Gambar…</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="119" />
        <location filename="../../ui/editor_pane/pane.py" line="172" />
        <source>Pull quote</source>
        <translation>Kutipan menonjol</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="120" />
        <location filename="../../ui/editor_pane/pane.py" line="176" />
        <source>“Baca juga” link…</source>
        <translation>Tautan “Baca juga”…</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="121" />
        <location filename="../../ui/editor_pane/pane.py" line="184" />
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="122" />
        <location filename="../../ui/editor_pane/pane.py" line="189" />
        <source>Replace</source>
        <translation>Ganti</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="123" />
        <location filename="../../ui/editor_pane/pane.py" line="197" />
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pane.py" line="124" />
        <location filename="../../ui/editor_pane/pane.py" line="201" />
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
</context>
<context>
    <name>FieldWords</name>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="19" />
        <source>Headline</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="20" />
        <source>Kicker</source>
        <translation>Kicker</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="21" />
        <source>Lead</source>
        <translation>Teras</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="22" />
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="23" />
        <source>Section</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="24" />
        <source>Byline</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="25" />
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="26" />
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="27" />
        <source>Lead image</source>
        <translation>Foto utama</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="28" />
        <source>Caption</source>
        <translation>Keterangan foto</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="29" />
        <source>Photo credit</source>
        <translation>Kredit foto</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="30" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="31" />
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="32" />
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="33" />
        <source>Embargo until</source>
        <translation>Embargo hingga</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/field_words.py" line="39" />
        <source>(none)</source>
        <translation>(kosong)</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../ui/file_dialogs.py" line="49" />
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="52" />
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="53" />
        <source>%1 file</source>
        <translation>Berkas %1</translation>
    </message>
    <message>
        <location filename="../../ui/file_dialogs.py" line="91" />
        <source>%1 is the newsroom database that Redaksi has open (or one of its journal files). Nothing was read or written; choose another file.</source>
        <translation>%1 adalah basis data redaksi yang sedang dibuka Redaksi (atau salah satu berkas jurnalnya). Tidak ada yang dibaca atau ditulis; pilih berkas lain.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="246" />
        <source>Any status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="257" />
        <source>All sections</source>
        <translation>Semua rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="267" />
        <source>Anyone</source>
        <translation>Semua penulis</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="283" />
        <source>Search headlines and text…</source>
        <translation>Cari judul dan isi…</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="284" />
        <source>Search articles (Ctrl+F in the list)</source>
        <translation>Cari artikel (Ctrl+F di daftar)</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="189" />
        <source>Filters</source>
        <translation>Saring</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="189" />
        <source>Filters (%1)</source>
        <extracomment>The first date a date edit can show stands for "no limit" (shown as a dash). The last day Redaksi accepts (editor.time_range): "the day after" it is still a date. Down arrow in the search box: the user wants to move into the results.</extracomment>
        <translation>Saring (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="192" />
        <source>%1 filters on, hidden — clear them</source>
        <translation>%1 saringan aktif, tersembunyi — hapus semuanya</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="285" />
        <source>Show or hide the filters</source>
        <translation>Tampilkan atau sembunyikan saringan</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="286" />
        <source>Only articles with this status</source>
        <translation>Hanya artikel dengan status ini</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="287" />
        <source>Only articles in this section (and its subsections)</source>
        <translation>Hanya artikel di rubrik ini (dan subrubriknya)</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="288" />
        <source>Only articles with this person in the byline</source>
        <translation>Hanya artikel dengan penulis ini</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="289" />
        <source>from</source>
        <translation>dari</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="290" />
        <source>Updated on or after this day</source>
        <translation>Diperbarui pada atau setelah tanggal ini</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="291" />
        <source>until</source>
        <translation>sampai</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/filter_bar.py" line="292" />
        <source>Updated on or before this day</source>
        <translation>Diperbarui pada atau sebelum tanggal ini</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <location filename="../../ui/find_replace.py" line="85" />
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="86" />
        <source>Replace with</source>
        <translation>Ganti dengan</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="87" />
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="88" />
        <source>Match case</source>
        <translation>Cocokkan huruf besar/kecil</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="89" />
        <source>Whole word</source>
        <translation>Kata utuh</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="90" />
        <source>Previous match (Shift+Enter)</source>
        <translation>Temuan sebelumnya (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="91" />
        <source>Next match (Enter)</source>
        <translation>Temuan berikutnya (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="92" />
        <source>Replace</source>
        <translation>Ganti</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="93" />
        <source>Replace this match</source>
        <translation>Ganti temuan ini</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="94" />
        <source>Replace all</source>
        <translation>Ganti semua</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="95" />
        <source>Replace every match (one undo step)</source>
        <translation>Ganti semua temuan (satu langkah urung)</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="96" />
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/find_replace.py" line="163" />
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/find_replace.py" line="216" />
        <source>%n replaced</source>
        <translation>
            <numerusform>%n diganti</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="104" />
        <source>Import articles</source>
        <extracomment>Refused files: a red that reads on the light and the dark theme. The message, and whether it is a refusal of who imports (not a fault). Emitted in the GUI thread with the ImportReport when an import ends (cancelled too).</extracomment>
        <translation>Impor berita</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="113" />
        <source>A Hugo or Jekyll folder, a Markdown file, or a WordPress export (.xml)</source>
        <translation>Folder Hugo atau Jekyll, berkas Markdown, atau ekspor WordPress (.xml)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="116" />
        <source>Folder…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="118" />
        <source>File…</source>
        <translation>Berkas…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="127" />
        <source>WordPress only: a copy of wp-content/uploads (optional)</source>
        <translation>Khusus WordPress: salinan wp-content/uploads (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="130" />
        <source>post=berita, blog=opini (optional)</source>
        <translation>post=berita, blog=opini (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="132" />
        <source>Categories and sections of the old site, and the section each goes to.</source>
        <translation>Kategori dan rubrik situs lama, serta rubrik tujuan masing-masing.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="135" />
        <source>Sections from folders</source>
        <translation>Rubrik dari folder</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="138" />
        <source>A file that names no section goes to the section its folders spell (content/berita/dunia/ → Berita › Dunia), made when missing.</source>
        <translation>Berkas yang tidak menyebut rubrik masuk ke rubrik sesuai foldernya (content/berita/dunia/ → Berita › Dunia), dibuat bila belum ada.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="144" />
        <source>Import from:</source>
        <translation>Impor dari:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="145" />
        <source>Images:</source>
        <translation>Gambar:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="146" />
        <source>Map sections:</source>
        <translation>Padanan rubrik:</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="152" />
        <source>Every file is listed here: imported, updated, unchanged or refused, and why.</source>
        <translation>Setiap berkas dicantumkan di sini: diimpor, diperbarui, tidak berubah, atau ditolak, beserta alasannya.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="151" />
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="173" />
        <source>Import from the folder</source>
        <translation>Impor dari folder</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="182" />
        <source>Import a file</source>
        <translation>Impor berkas</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="184" />
        <source>Markdown or WordPress export (*.md *.markdown *.xml);;All files (*)</source>
        <translation>Markdown atau ekspor WordPress (*.md *.markdown *.xml);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="235" />
        <source>Map sections as NAME=SECTION, such as post=berita (got '%1').</source>
        <translation>Tulis padanan rubrik sebagai NAMA=RUBRIK, misalnya post=berita (tertulis '%1').</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="241" />
        <source>There is no file or folder %1.</source>
        <translation>Tidak ada berkas atau folder %1.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="248" />
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="255" />
        <source>Importing %1 of %2…</source>
        <translation>Mengimpor %1 dari %2…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="265" />
        <source>Cancelled. What was imported before stays, each with its revision.</source>
        <translation>Dibatalkan. Yang sudah diimpor tetap ada, masing-masing dengan revisinya.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="270" />
        <source>Imported, with problems: see the lines in red.</source>
        <translation>Diimpor, dengan masalah: lihat baris berwarna merah.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="272" />
        <source>Imported.</source>
        <translation>Diimpor.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="295" />
        <source>Nothing was imported: sign in first (Article → Switch profile…), as an import acts as someone once the newsroom has people.</source>
        <translation>Tidak ada yang diimpor: masuk dulu (Artikel → Ganti profil…), karena impor bertindak atas nama seseorang begitu redaksi punya orang.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="300" />
        <source>Nothing was imported.</source>
        <translation>Tidak ada yang diimpor.</translation>
    </message>
</context>
<context>
    <name>LeadPicture</name>
    <message>
        <location filename="../../ui/editor_pane/lead_picture.py" line="72" />
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/lead_picture.py" line="73" />
        <source>No lead image for this article</source>
        <translation>Artikel ini tanpa foto utama</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/lead_picture.py" line="105" />
        <source>Not in the media library</source>
        <translation>Tidak ada di pustaka media</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/lead_picture.py" line="109" />
        <source>No description yet</source>
        <translation>Belum ada deskripsi</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/lead_picture.py" line="111" />
        <source>%1 (the picture is not on this computer yet)</source>
        <translation>%1 (fotonya belum ada di komputer ini)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/lead_picture.py" line="118" />
        <source>Lead image: %1</source>
        <translation>Foto utama: %1</translation>
    </message>
</context>
<context>
    <name>LockBanner</name>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="108" />
        <source>Take over</source>
        <extracomment>How often a window that holds a lock checks it is still its own (a take-over shows within this long even when nobody types).</extracomment>
        <translation>Ambil alih</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="116" />
        <source>Being edited by %1%2 since %3. You can read it; changes are not possible now.</source>
        <translation>Sedang disunting oleh %1%2 sejak %3. Anda bisa membacanya; perubahan belum bisa dilakukan sekarang.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="126" />
        <source>Take the article over; their unsaved text is kept as a revision.</source>
        <translation>Ambil alih artikel; teks mereka yang belum tersimpan disimpan sebagai revisi.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="128" />
        <source>Only an editor can take over an article someone else is editing.</source>
        <translation>Hanya editor yang dapat mengambil alih artikel yang sedang disunting orang lain.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="109" />
        <source>Sign in…</source>
        <translation>Masuk…</translation>
    </message>
</context>
<context>
    <name>LockKeeper</name>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="275" />
        <source>Read only: your role may not change this article while it is %1.</source>
        <translation>Hanya baca: peran Anda tidak boleh mengubah artikel ini selama berstatus %1.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="398" />
        <source>Not taken over</source>
        <translation>Tidak diambil alih</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="205" />
        <source>Sign in to make changes.</source>
        <extracomment>After a take-over: the article as stored now, and the number of the kept revision (0 when the other window had nothing unsaved). This window lost the article to someone else: the article as stored now (shown, read-only), and the number of the revision keeping what was on screen (0: nothing). Called with the article as stored after a take-over, to show it in the editor. Called with an article's id once its unsaved text is safe in a revision, so the crash-recovery journal of it can go.</extracomment>
        <translation>Masuklah untuk mengubahnya.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="212" />
        <source>Read only: nobody is signed in in this window. %1</source>
        <translation>Hanya baca: belum ada yang masuk di jendela ini. %1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="338" />
        <source>someone else</source>
        <translation>orang lain</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="354" />
        <source>This window no longer holds the article, and your unsaved text could not be kept as a revision: %1 Copy it from the editor.</source>
        <translation>Jendela ini tidak lagi memegang artikel, dan teks Anda yang belum tersimpan tidak dapat disimpan sebagai revisi: %1 Salin teks itu dari editor.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="364" />
        <source>Your unsaved text is kept as revision %1.</source>
        <translation>Teks Anda yang belum tersimpan disimpan sebagai revisi %1.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/lock_banner.py" line="377" />
        <source>This window no longer holds the article.</source>
        <translation>Jendela ini tidak lagi memegang artikel.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="315" />
        <source>Saved, with a revision you can go back to</source>
        <extracomment>Emitted once the database is attached and the list shows its first page. The Workflow panel, lock banner and actions (ui.workflow.integration), added by attach_database: they import the workflow services, so they come after the paint. The preview, and the Workflow panel beside it or as its tab (ui.side_panes).</extracomment>
        <translation>Tersimpan, dengan revisi yang bisa dipulihkan</translation>
    </message>
    <message>
        <location filename="../../ui/article_commands.py" line="82" />
        <source>“%1” moved to the trash.</source>
        <extracomment>The most of a headline quoted in a status-bar message, in pixels.</extracomment>
        <translation>“%1” dipindahkan ke tempat sampah.</translation>
    </message>
    <message>
        <location filename="../../ui/tool_windows.py" line="96" />
        <source>About Redaksi</source>
        <translation>Tentang Redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/tool_windows.py" line="97" />
        <source>&lt;h3&gt;Redaksi %1&lt;/h3&gt;&lt;p&gt;A desktop newsroom editor: draft, review, schedule and publish.&lt;/p&gt;&lt;p&gt;Licensed under the GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Redaksi %1&lt;/h3&gt;&lt;p&gt;Penyunting ruang redaksi untuk desktop: tulis draf, tinjau, jadwalkan, dan terbitkan.&lt;/p&gt;&lt;p&gt;Berlisensi GPL, versi 3 atau yang lebih baru.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="458" />
        <source>Choose who is working here first (Article → Switch profile): the media library notes who added each picture.</source>
        <translation>Pilih dulu siapa yang bekerja di sini (Artikel → Ganti profil): pustaka media mencatat siapa yang menambahkan setiap gambar.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487" />
        <location filename="../../ui/main_window.py" line="534" />
        <source>Redaksi</source>
        <translation>Redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506" />
        <source>Close without saving?</source>
        <translation>Tutup tanpa menyimpan?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508" />
        <source>The open article could not be saved. Close anyway and lose the latest changes? Choose No to stay and copy your text somewhere safe.</source>
        <translation>Artikel yang terbuka tidak dapat disimpan. Tetap tutup dan kehilangan perubahan terakhir? Pilih Tidak untuk kembali dan menyalin teks Anda ke tempat aman.</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="173" />
        <source>&amp;New article</source>
        <extracomment>Where each action sits. Ids the panes register (edit.*) are placed too; an id nobody registered is skipped, so a pane can grow or shrink its set of actions freely. Actions that need an article open in the editor.</extracomment>
        <translation>Artikel &amp;baru</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="174" />
        <source>Start a new draft</source>
        <translation>Mulai draf baru</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="177" />
        <source>D&amp;uplicate</source>
        <translation>&amp;Gandakan</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="178" />
        <source>Make a copy of this article</source>
        <translation>Buat salinan artikel ini</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="181" />
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="182" />
        <source>Save now and keep a revision</source>
        <translation>Simpan sekarang dan catat sebagai revisi</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="185" />
        <source>Move to &amp;trash</source>
        <translation>Pindahkan ke &amp;tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="186" />
        <source>Move the selected article to the trash</source>
        <translation>Pindahkan artikel terpilih ke tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="189" />
        <source>&amp;Restore from trash</source>
        <translation>&amp;Pulihkan dari tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="190" />
        <source>Take the article out of the trash</source>
        <translation>Keluarkan artikel dari tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="193" />
        <source>Re&amp;visions…</source>
        <translation>Re&amp;visi…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="194" />
        <source>Earlier versions of this article</source>
        <translation>Versi-versi sebelumnya dari artikel ini</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="197" />
        <source>Open in &amp;browser</source>
        <translation>Buka di &amp;peramban</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="198" />
        <source>Show the published page in a browser</source>
        <translation>Tampilkan halaman terbitnya di peramban</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="201" />
        <source>Search &amp;articles</source>
        <translation>Cari &amp;artikel</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="202" />
        <source>Search the article list</source>
        <translation>Cari di daftar artikel</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="205" />
        <source>Show &amp;trash</source>
        <translation>Lihat &amp;tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="206" />
        <source>Show the articles in the trash</source>
        <translation>Tampilkan artikel di tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="209" />
        <source>&amp;Preview</source>
        <translation>&amp;Pratinjau</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="210" />
        <source>Show or hide the preview</source>
        <translation>Tampilkan atau sembunyikan pratinjau</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="212" />
        <source>Go to &amp;list</source>
        <translation>Ke &amp;daftar</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="213" />
        <source>Go to &amp;editor</source>
        <translation>Ke &amp;penyunting</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="215" />
        <source>&amp;Dashboard</source>
        <translation>&amp;Dasbor</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="216" />
        <source>Page views, Populer, production, speed and the pipeline</source>
        <translation>Tayangan, Populer, produksi, kecepatan, dan alur kerja</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="219" />
        <source>&amp;Import…</source>
        <translation>&amp;Impor…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="220" />
        <source>Bring in a Hugo or Jekyll site, Markdown files or a WordPress export</source>
        <translation>Masukkan situs Hugo atau Jekyll, berkas Markdown, atau ekspor WordPress</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="225" />
        <source>&amp;Publish site…</source>
        <translation>&amp;Terbitkan situs…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="226" />
        <source>Write the public site to a folder</source>
        <translation>Tulis situs publik ke sebuah folder</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="229" />
        <source>&amp;Media library…</source>
        <translation>&amp;Pustaka media…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="230" />
        <source>The newsroom's pictures: find, describe, use in this article, replace</source>
        <translation>Foto milik redaksi: cari, beri keterangan, pakai di artikel ini, ganti</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="236" />
        <source>Newsroom &amp;dictionary…</source>
        <translation>&amp;Kamus redaksi…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="237" />
        <source>The newsroom's words, rupiah style and spelling before a publish</source>
        <translation>Kata-kata redaksi, gaya rupiah, dan ejaan sebelum terbit</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="242" />
        <source>&amp;Preferences…</source>
        <translation>Pre&amp;ferensi…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="243" />
        <source>Time zone, language, theme, autosave</source>
        <translation>Zona waktu, bahasa, tema, simpan otomatis</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="245" />
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="246" />
        <source>&amp;About Redaksi</source>
        <translation>&amp;Tentang Redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="254" />
        <source>&amp;Article</source>
        <translation>&amp;Artikel</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="255" />
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="256" />
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="257" />
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="258" />
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="533" />
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="388" />
        <source>Redaksi cannot start</source>
        <extracomment>How long a screenshot waits for the preview to finish rendering.</extracomment>
        <translation>Redaksi tidak dapat dijalankan</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="401" />
        <source>Cannot open the newsroom database</source>
        <translation>Basis data redaksi tidak dapat dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="322" />
        <source>Another program removed the database's -wal file while Redaksi was saving. Redaksi reconnected and saved your text again.</source>
        <translation>Program lain menghapus berkas -wal basis data saat Redaksi sedang menyimpan. Redaksi sudah tersambung lagi dan menyimpan teks Anda sekali lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="253" />
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
</context>
<context>
    <name>MediaBrowser</name>
    <message>
        <location filename="../../ui/media/browser.py" line="107" />
        <source>Media library</source>
        <extracomment>Thumbnails in the grid and the picture beside the description, in pixels. How long typing in the search box waits before searching (milliseconds). The library changed (a picture added, described or replaced). The articles (ids) that show a new version of a picture.</extracomment>
        <translation>Pustaka media</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="128" />
        <source>Search caption, credit, alt text or file name</source>
        <extracomment>On a replica, pictures not here yet are fetched on a worker when chosen. Pictures fetched while this window was open (their records predate the bytes).</extracomment>
        <translation>Cari keterangan, kredit, teks alternatif, atau nama berkas</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="133" />
        <source>Add pictures…</source>
        <translation>Tambah foto…</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="159" />
        <source>e.g. NATO/Net</source>
        <translation>mis. NATO/Net</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="162" />
        <source>What the photo shows, for readers who cannot see it</source>
        <translation>Apa yang tampak di foto, untuk pembaca yang tidak dapat melihatnya</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="164" />
        <source>e.g. CC BY 4.0, public domain</source>
        <translation>mis. CC BY 4.0, domain publik</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="165" />
        <source>Save description</source>
        <translation>Simpan keterangan</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="166" />
        <source>Use as lead image</source>
        <translation>Jadikan foto utama</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="167" />
        <source>Insert into body</source>
        <translation>Sisipkan ke isi</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="168" />
        <source>Replace file…</source>
        <translation>Ganti berkas…</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="171" />
        <source>Caption</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="172" />
        <source>Credit</source>
        <translation>Kredit</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="173" />
        <source>Alt text</source>
        <translation>Teks alternatif</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="174" />
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="254" />
        <source>No picture matches “%1”.</source>
        <translation>Tidak ada foto yang cocok dengan “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="256" />
        <source>No pictures yet: drop photos here or use Add pictures…</source>
        <translation>Belum ada foto: seret foto ke sini atau pakai Tambah foto…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/media/browser.py" line="325" />
        <source>Used in %n article(s): %1</source>
        <translation>
            <numerusform>Dipakai di %n artikel: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="326" />
        <source>Untitled</source>
        <translation>Tanpa judul</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="329" />
        <source>Not used in any article yet.</source>
        <translation>Belum dipakai di artikel mana pun.</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="332" />
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="340" />
        <source>not available offline: the file is not on this computer</source>
        <translation>tidak tersedia luring: berkasnya tidak ada di komputer ini</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="342" />
        <source>loading the file from the newsroom server…</source>
        <translation>memuat berkas dari server redaksi…</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="344" />
        <source>the file has not reached this computer yet</source>
        <translation>berkasnya belum sampai di komputer ini</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="366" />
        <source>Description not saved</source>
        <translation>Keterangan tidak disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="378" />
        <source>Add a picture</source>
        <translation>Tambah foto</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="380" />
        <location filename="../../ui/media/browser.py" line="412" />
        <source>Images (%1)</source>
        <translation>Gambar (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="391" />
        <source>Picture not added</source>
        <translation>Foto tidak ditambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="410" />
        <source>Replace “%1” with</source>
        <translation>Ganti “%1” dengan</translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="420" />
        <source>Replace everywhere</source>
        <translation>Ganti di semua artikel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/media/browser.py" line="422" />
        <source>Show %1 instead in the %n article(s) that show this picture?</source>
        <translation>
            <numerusform>Tampilkan %1 sebagai gantinya di %n artikel yang memuat foto ini?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/media/browser.py" line="438" />
        <source>Picture not replaced</source>
        <translation>Foto tidak diganti</translation>
    </message>
</context>
<context>
    <name>MediaLibrary</name>
    <message>
        <location filename="../../ui/media/opening.py" line="34" />
        <source>Picture not added</source>
        <translation>Foto tidak ditambahkan</translation>
    </message>
</context>
<context>
    <name>MetadataForm</name>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="124" />
        <source>Kicker</source>
        <extracomment>Portal headlines longer than this get cut in lists and search results. Copies a chosen lead image into the media library (set with the database).</extracomment>
        <translation>Kicker</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="125" />
        <source>Headline</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="127" />
        <source>Characters used of the headline budget (%1)</source>
        <translation>Karakter terpakai dari jatah judul (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="131" />
        <source>Follows the headline until you edit it</source>
        <translation>Mengikuti judul sampai Anda mengubahnya</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="132" />
        <source>Section</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="133" />
        <source>Language of the article</source>
        <translation>Bahasa artikel</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="134" />
        <source>More</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="135" />
        <source>tag, another tag</source>
        <translation>tag, tag lain</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="136" />
        <source>No lead image</source>
        <translation>Tanpa foto utama</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="137" />
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="139" />
        <location filename="../../ui/editor_pane/metadata_form.py" line="145" />
        <source>Caption</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="140" />
        <source>Credit, e.g. NATO/Net</source>
        <translation>Kredit, mis. NATO/Net</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="141" />
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="142" />
        <source>Byline</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="143" />
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="144" />
        <source>Lead image</source>
        <translation>Foto utama</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="240" />
        <source>(no section)</source>
        <extracomment>The "More" rows' labels, by row, so a language change can reword them.</extracomment>
        <translation>(tanpa rubrik)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="333" />
        <source>Choose the lead image</source>
        <translation>Pilih foto utama</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/metadata_form.py" line="335" />
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
</context>
<context>
    <name>NewsroomDictionaryDialog</name>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="49" />
        <source>Newsroom dictionary</source>
        <translation>Kamus redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="58" />
        <source>Find a word</source>
        <translation>Cari kata</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="67" />
        <source>A name or abbreviation: Basarnas</source>
        <translation>Nama atau singkatan: Basarnas</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="69" />
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="70" />
        <source>Remove selected</source>
        <translation>Hapus yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="73" />
        <source>Rp4,5 triliun (PUEBI)</source>
        <translation>Rp4,5 triliun (PUEBI)</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="74" />
        <source>Rp 4,5 triliun (with a space)</source>
        <translation>Rp 4,5 triliun (dengan spasi)</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="77" />
        <source>Warn before a publish</source>
        <translation>Peringatkan sebelum terbit</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="78" />
        <source>Stop the publish (editors may override)</source>
        <translation>Tahan penerbitan (editor boleh melewati)</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="79" />
        <source>Do not count them</source>
        <translation>Jangan dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="83" />
        <source>Only editors and admins change the newsroom dictionary.</source>
        <translation>Hanya editor dan admin yang dapat mengubah kamus redaksi.</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="94" />
        <source>Rupiah amounts</source>
        <translation>Jumlah rupiah</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="95" />
        <source>Spelling in the pre-publish checklist</source>
        <translation>Ejaan dalam daftar periksa sebelum terbit</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/spelling/newsroom_dialog.py" line="130" />
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n kata</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="147" />
        <source>Added: %1.</source>
        <translation>Ditambahkan: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="149" />
        <source>The list has it already.</source>
        <translation>Sudah ada di daftar.</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/newsroom_dialog.py" line="164" />
        <source>Removed: %1.</source>
        <translation>Dihapus: %1.</translation>
    </message>
</context>
<context>
    <name>NewsroomSignInDialog</name>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="58" />
        <source>Sign in to newsroom</source>
        <translation>Masuk ke server redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="68" />
        <source>Sign in to your newsroom's server to work with the desk. Redaksi keeps a copy of the newsroom on this computer, so you can write offline; your changes go up whenever the server answers.</source>
        <translation>Masuk ke server redaksi Anda untuk bekerja bersama meja redaksi. Redaksi menyimpan salinan redaksi di komputer ini, jadi Anda bisa menulis tanpa jaringan; perubahan Anda dikirim setiap kali server menjawab.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="84" />
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="85" />
        <source>&amp;Handle:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="86" />
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="93" />
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="97" />
        <source>Work on this computer only</source>
        <translation>Bekerja di komputer ini saja</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="97" />
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="109" />
        <source>No newsroom server? Choose “Work on this computer only”: everything stays in a file on this computer. You can sign in later from File.</source>
        <translation>Tidak ada server redaksi? Pilih “Bekerja di komputer ini saja”: semuanya tetap di sebuah berkas di komputer ini. Anda bisa masuk nanti lewat menu Berkas.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="132" />
        <source>Type the newsroom server's address.</source>
        <translation>Ketik alamat server redaksi.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="133" />
        <source>Type your handle.</source>
        <translation>Ketik nama pengguna Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="134" />
        <source>Type your password.</source>
        <translation>Ketik kata sandi Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sign_in_dialog.py" line="144" />
        <source>Signing in to %1…</source>
        <translation>Masuk ke %1…</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <location filename="../../ui/story_packages.py" line="51" />
        <source>Open the article to send first.</source>
        <translation>Buka dulu artikel yang akan dikirim.</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="63" />
        <source>Send as package</source>
        <translation>Kirim sebagai paket</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="65" />
        <source>Story packages (*.redaksi.zip)</source>
        <translation>Paket berita (*.redaksi.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="77" />
        <source>Package written: %1 (%2 pictures)</source>
        <translation>Paket ditulis: %1 (%2 gambar)</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="88" />
        <source>Open package</source>
        <translation>Buka paket</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="90" />
        <source>Story packages (*.redaksi.zip *.zip)</source>
        <translation>Paket berita (*.redaksi.zip *.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="116" />
        <source>Choose who you are first (Article → Switch profile…): the changes a package brings are made as that person.</source>
        <translation>Pilih dulu siapa Anda (Artikel → Ganti profil…): perubahan yang dibawa paket dibuat atas nama orang itu.</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="149" />
        <source>added as a new draft</source>
        <translation>ditambahkan sebagai draf baru</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="150" />
        <source>updated</source>
        <translation>diperbarui</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="151" />
        <source>merged with the changes made here</source>
        <translation>digabung dengan perubahan di sini</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="152" />
        <source>in conflict: both texts are kept; compare them and choose</source>
        <translation>berkonflik: kedua teks disimpan; bandingkan lalu pilih</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="153" />
        <source>refused</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="159" />
        <source>opened before; nothing changed</source>
        <translation>sudah pernah dibuka; tidak ada yang berubah</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="163" />
        <source>%1 opened:</source>
        <translation>%1 dibuka:</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="165" />
        <location filename="../../ui/story_packages.py" line="167" />
        <source>Package opened</source>
        <translation>Paket dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="191" />
        <source>&amp;Open package…</source>
        <translation>&amp;Buka paket…</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="192" />
        <source>Take in articles sent as a story package; they merge like a sync</source>
        <translation>Terima artikel yang dikirim sebagai paket berita; digabung seperti sinkronisasi</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="195" />
        <source>Send as &amp;package…</source>
        <translation>Kirim sebagai &amp;paket…</translation>
    </message>
    <message>
        <location filename="../../ui/story_packages.py" line="196" />
        <source>Write the open article, its pictures and checksums into a zip file</source>
        <translation>Tulis artikel yang terbuka, gambarnya, dan checksum ke berkas zip</translation>
    </message>
</context>
<context>
    <name>PicturePlaceholder</name>
    <message>
        <location filename="../../ui/sync/pictures.py" line="62" />
        <source>Not available offline</source>
        <extracomment>A picture found out of reach is asked for again after this long. The grey of a picture that cannot be shown, and the lighter one of one on its way.</extracomment>
        <translation>Tidak tersedia luring</translation>
    </message>
    <message>
        <location filename="../../ui/sync/pictures.py" line="66" />
        <source>Loading from the newsroom server…</source>
        <translation>Memuat dari server redaksi…</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <location filename="../../ui/editor_pane/pictures.py" line="41" />
        <source>Describe the picture</source>
        <translation>Jelaskan gambarnya</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pictures.py" line="42" />
        <source>What does the picture show? Readers who cannot see it hear this (alt text):</source>
        <translation>Apa yang tampak di gambar ini? Pembaca yang tidak dapat melihatnya mendengar teks ini (teks alternatif):</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/pictures.py" line="52" />
        <source>Picture not added</source>
        <translation>Gambar tidak ditambahkan</translation>
    </message>
</context>
<context>
    <name>PipelineChart</name>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="238" />
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="239" />
        <source>submitted</source>
        <translation>diajukan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="240" />
        <source>in review</source>
        <translation>ditinjau</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="241" />
        <source>sent back</source>
        <translation>dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="242" />
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="243" />
        <location filename="../../ui/dashboard/work_charts.py" line="273" />
        <source>scheduled</source>
        <translation>terjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="244" />
        <source>published</source>
        <translation>terbit</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="245" />
        <source>corrected</source>
        <translation>dikoreksi</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="246" />
        <source>killed</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="247" />
        <source>trashed</source>
        <translation>di tempat sampah</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="278" />
        <source>embargo ends</source>
        <translation>embargo berakhir</translation>
    </message>
</context>
<context>
    <name>PopularChart</name>
    <message>
        <location filename="../../ui/dashboard/audience_charts.py" line="171" />
        <source>No article was read in this window.</source>
        <extracomment>The article a user clicked.</extracomment>
        <translation>Belum ada artikel yang dibaca dalam rentang ini.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/audience_charts.py" line="185" />
        <source>%1
%2 views — click to open</source>
        <translation>%1
%2 tayangan — klik untuk membuka</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferences.py" line="55" />
        <source>Preferences</source>
        <extracomment>The zones a newsroom picks from, with the abbreviation readers know.</extracomment>
        <translation>Preferensi</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="69" />
        <location filename="../../ui/preferences.py" line="78" />
        <source>Same as the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="79" />
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="80" />
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="86" />
        <source> s</source>
        <translation> detik</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="93" />
        <source>Underline misspelt words and house-style slips</source>
        <translation>Garis bawahi salah eja dan kekeliruan gaya redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="98" />
        <source>The article's language</source>
        <translation>Bahasa artikel</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="110" />
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="117" />
        <source>A file path for a database on this computer, or postgresql://server/name for a shared newsroom server. Takes effect the next time Redaksi starts.</source>
        <translation>Jalur berkas basis data di komputer ini, atau postgresql://server/nama untuk server redaksi bersama. Berlaku saat Redaksi dibuka berikutnya.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="126" />
        <source>Newsroom time zone</source>
        <translation>Zona waktu redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="127" />
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="128" />
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="129" />
        <source>Autosave after a pause of</source>
        <translation>Simpan otomatis setelah jeda</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="130" />
        <source>Spell checking</source>
        <translation>Pemeriksaan ejaan</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="131" />
        <source>Spelling dictionary</source>
        <translation>Kamus ejaan</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="132" />
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="171" />
        <source>Enter a database file or server address.</source>
        <translation>Isi berkas basis data atau alamat server.</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="175" />
        <source>Preferences not saved</source>
        <translation>Preferensi tidak tersimpan</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="187" />
        <source>Database file</source>
        <translation>Berkas basis data</translation>
    </message>
    <message>
        <location filename="../../ui/preferences.py" line="189" />
        <source>Redaksi database (*.db);;All files (*)</source>
        <translation>Basis data Redaksi (*.db);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <location filename="../../ui/preview_pane.py" line="159" />
        <source>Preview</source>
        <extracomment>How long typing must pause before the preview is rebuilt. The width pictures are shown at (library pictures are decoded at it too). Emitted after new HTML is on screen (tests and benchmarks wait for it). Emitted when building the page failed; the message says what to fix. Where "Open in browser" writes its pages: made on first use, removed with the pane.</extracomment>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <location filename="../../ui/preview_pane.py" line="160" />
        <source>Open in browser</source>
        <translation>Buka di peramban</translation>
    </message>
    <message>
        <location filename="../../ui/preview_pane.py" line="249" />
        <source>The preview could not be built: %1</source>
        <translation>Pratinjau tidak dapat dibuat: %1</translation>
    </message>
    <message>
        <location filename="../../ui/preview_pane.py" line="341" />
        <source>Showing the preview page: %1</source>
        <translation>Menampilkan halaman pratinjau: %1</translation>
    </message>
    <message>
        <location filename="../../ui/preview_pane.py" line="350" />
        <source>No browser opened</source>
        <translation>Peramban tidak terbuka</translation>
    </message>
    <message>
        <location filename="../../ui/preview_pane.py" line="352" />
        <source>No web browser could be started. The page is saved here; open it in a browser yourself:
%1</source>
        <translation>Tidak ada peramban web yang bisa dijalankan. Halamannya tersimpan di sini; bukalah sendiri di peramban:
%1</translation>
    </message>
</context>
<context>
    <name>ProductionChart</name>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="61" />
        <source>No section</source>
        <extracomment>Groups drawn one by one; the rest are summed into "Other" so the legend stays readable.</extracomment>
        <translation>Tanpa rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="64" />
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="86" />
        <source>No article was published in this window.</source>
        <translation>Tidak ada artikel yang terbit dalam rentang ini.</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/workflow/profile.py" line="86" />
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="87" />
        <source>Handle:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="88" />
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="91" />
        <source>Switch profile</source>
        <translation>Ganti profil</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="92" />
        <source>Work as:</source>
        <translation>Bekerja sebagai:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="93" />
        <source>Choose who is working at this workstation.</source>
        <translation>Pilih siapa yang bekerja di komputer ini.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="95" />
        <source>There are no people yet. Add them with 'redaksi people add'.</source>
        <translation>Belum ada orang. Tambahkan dengan 'redaksi people add'.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="132" />
        <source>Choose a person from the list.</source>
        <translation>Pilih seseorang dari daftar.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/profile.py" line="89" />
        <source>This newsroom signs in. Sign in with your handle and password.</source>
        <translation>Redaksi ini memakai akun. Masuk dengan nama pengguna dan kata sandi Anda.</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../ui/publish_dialog.py" line="102" />
        <source>Publish site</source>
        <extracomment>Emitted in the GUI thread with the PublishReport after a successful publish.</extracomment>
        <translation>Terbitkan situs</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="112" />
        <source>Folder the site is written to</source>
        <translation>Folder tempat situs ditulis</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="114" />
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="122" />
        <source>Rebuild every file (full publish)</source>
        <translation>Bangun ulang semua berkas (terbit penuh)</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="124" />
        <source>Off: rewrite only what changed since the last publish (faster).</source>
        <translation>Mati: tulis ulang hanya yang berubah sejak penerbitan terakhir (lebih cepat).</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="127" />
        <source>Lists in every page</source>
        <translation>Daftar di setiap halaman</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="128" />
        <source>One shared fragment (server-side include)</source>
        <translation>Satu fragmen bersama (server-side include)</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="131" />
        <source>A shared fragment keeps a new article from rewriting every page; the web server must have SSI on (nginx: ssi on; Apache: mod_include).</source>
        <translation>Fragmen bersama membuat artikel baru tidak perlu menulis ulang setiap halaman; server web harus menyalakan SSI (nginx: ssi on; Apache: mod_include).</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="137" />
        <source>Output folder:</source>
        <translation>Folder keluaran:</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="138" />
        <source>Site address:</source>
        <translation>Alamat situs:</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="139" />
        <source>Populer and UPDATE:</source>
        <translation>Populer dan UPDATE:</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="143" />
        <source>The publish report appears here.</source>
        <translation>Laporan penerbitan muncul di sini.</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="143" />
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="172" />
        <source>Publish the site into</source>
        <translation>Terbitkan situs ke</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="215" />
        <source>Publishing…</source>
        <translation>Menerbitkan…</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="221" />
        <source>Published.</source>
        <translation>Sudah terbit.</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="229" />
        <source>Cancelled. The previous site is unchanged.</source>
        <translation>Dibatalkan. Situs sebelumnya tidak berubah.</translation>
    </message>
    <message>
        <location filename="../../ui/publish_dialog.py" line="231" />
        <source>Publishing failed. The previous site is unchanged.</source>
        <translation>Penerbitan gagal. Situs sebelumnya tidak berubah.</translation>
    </message>
</context>
<context>
    <name>RelatedArticleDialog</name>
    <message>
        <location filename="../../ui/editor_pane/related_dialog.py" line="30" />
        <source>Baca juga: choose an article</source>
        <translation>Baca juga: pilih artikel</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/related_dialog.py" line="34" />
        <source>Search headlines and text</source>
        <translation>Cari judul dan isi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/editor_pane/related_dialog.py" line="70" />
        <source>%n article(s) found</source>
        <translation>
            <numerusform>%n artikel ditemukan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="153" />
        <source>resolved by %1</source>
        <extracomment>A comment was added, resolved or reopened. Called before a comment is anchored; the body must be saved for the quote to match.</extracomment>
        <translation>diselesaikan oleh %1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="160" />
        <source>(passage gone) “%1”</source>
        <translation>(bagian sudah hilang) “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="163" />
        <location filename="../../ui/workflow/review_pane.py" line="197" />
        <source>General note</source>
        <translation>Catatan umum</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="187" />
        <source>Select the passage in the text first, then comment on it.</source>
        <translation>Pilih bagian teksnya dulu, lalu beri komentar.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="190" />
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="190" />
        <source>Your comment on “%1”:</source>
        <translation>Komentar Anda tentang “%1”:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="197" />
        <source>Your note on the article:</source>
        <translation>Catatan Anda tentang artikel ini:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="273" />
        <source>This article has not been submitted yet.</source>
        <translation>Artikel ini belum diajukan.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="278" />
        <source>Since %1 submitted it on %2:</source>
        <translation>Sejak %1 mengajukannya pada %2:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="289" />
        <source>@ line %1</source>
        <translation>@ baris %1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="293" />
        <source>Nothing has changed.</source>
        <translation>Tidak ada yang berubah.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="307" />
        <source>Open an article and choose your profile first.</source>
        <translation>Buka artikel dan pilih profil Anda dulu.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="313" />
        <source>Reopen</source>
        <translation>Buka lagi</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="313" />
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="316" />
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="319" />
        <source>Comment on selection…</source>
        <translation>Komentari pilihan…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="320" />
        <source>General note…</source>
        <translation>Catatan umum…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="321" />
        <source>Go to passage</source>
        <translation>Ke bagian itu</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="322" />
        <source>Comments</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/review_pane.py" line="323" />
        <source>Changes since submission</source>
        <translation>Perubahan sejak diajukan</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="62" />
        <source>Revisions</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="72" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="72" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="72" />
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="72" />
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="86" />
        <source>Select one revision, or two with Ctrl+click, to compare.</source>
        <translation>Pilih satu revisi, atau dua dengan Ctrl+klik, untuk dibandingkan.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="88" />
        <source>Restore this revision</source>
        <translation>Pulihkan revisi ini</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="91" />
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="132" />
        <source>No revisions yet: Ctrl+S keeps one.</source>
        <translation>Belum ada revisi: Ctrl+S menyimpan satu.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="136" />
        <source>Saved</source>
        <translation>Disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="137" />
        <source>Before restore</source>
        <translation>Sebelum pemulihan</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="138" />
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="176" />
        <source>(nothing before)</source>
        <translation>(belum ada sebelumnya)</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="178" />
        <location filename="../../ui/revisions_dialog.py" line="179" />
        <source>Revision %1</source>
        <translation>Revisi %1</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="183" />
        <source>No differences: %1 and %2 are the same.</source>
        <translation>Tidak ada perbedaan: %1 dan %2 sama.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="207" />
        <source>Could not restore</source>
        <translation>Tidak dapat dipulihkan</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="211" />
        <source>Revision %1 restored. The state before it was kept as a revision.</source>
        <translation>Revisi %1 dipulihkan. Keadaan sebelumnya disimpan sebagai revisi.</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="139" />
        <source>Submitted</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="140" />
        <source>Kept at a take-over</source>
        <translation>Disimpan saat diambil alih</translation>
    </message>
    <message>
        <location filename="../../ui/revisions_dialog.py" line="141" />
        <source>Lost a save conflict</source>
        <translation>Kalah dalam bentrok simpan</translation>
    </message>
</context>
<context>
    <name>SendBackBanner</name>
    <message>
        <location filename="../../ui/workflow/send_back_banner.py" line="53" />
        <source>Sent back by %1 on %2:</source>
        <translation>Dikembalikan oleh %1 pada %2:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_back_banner.py" line="54" />
        <source>(no note)</source>
        <translation>(tanpa catatan)</translation>
    </message>
</context>
<context>
    <name>SidePanes</name>
    <message>
        <location filename="../../ui/side_panes.py" line="156" />
        <source>Preview</source>
        <extracomment>From this width on, preview and workflow stand side by side (each keeps ~350 px). ...and below this one they become tabs again: a gap, so a width near the threshold does not flip the layout back and forth. Whether the Workflow panel is shown (View → Workflow follows it).</extracomment>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <location filename="../../ui/side_panes.py" line="158" />
        <source>Workflow</source>
        <translation>Alur kerja</translation>
    </message>
</context>
<context>
    <name>SpeedChart</name>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="117" />
        <source>box: middle half · line: median · dot: 90 % · whiskers: min–max</source>
        <translation>kotak: separuh tengah · garis: median · titik: 90 % · kumis: min–maks</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="126" />
        <source>No article was published in this window.</source>
        <translation>Tidak ada artikel yang terbit dalam rentang ini.</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="158" />
        <location filename="../../ui/dashboard/work_charts.py" line="185" />
        <source>No section</source>
        <translation>Tanpa rubrik</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="168" />
        <source>6 min</source>
        <translation>6 mnt</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="169" />
        <source>30 min</source>
        <translation>30 mnt</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="170" />
        <source>1 h</source>
        <translation>1 jam</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="171" />
        <source>4 h</source>
        <translation>4 jam</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="172" />
        <source>1 day</source>
        <translation>1 hari</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="173" />
        <source>1 week</source>
        <translation>1 pekan</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="174" />
        <source>30 days</source>
        <translation>30 hari</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/work_charts.py" line="182" />
        <source>%1: %2 articles
median %3 h, middle half %4–%5 h
90 % within %6 h, slowest %7 h</source>
        <translation>%1: %2 artikel
median %3 jam, separuh tengah %4–%5 jam
90 % dalam %6 jam, paling lambat %7 jam</translation>
    </message>
</context>
<context>
    <name>SpellingMenu</name>
    <message>
        <location filename="../../ui/spelling/menu.py" line="49" />
        <source>No suggestions</source>
        <extracomment>Menu entries that name words, beyond which a suggestion list is cut.</extracomment>
        <translation>Tidak ada saran</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/menu.py" line="55" />
        <source>Add “%1” to my dictionary</source>
        <translation>Tambahkan “%1” ke kamus saya</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/menu.py" line="63" />
        <source>Add “%1” to the newsroom dictionary</source>
        <translation>Tambahkan “%1” ke kamus redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/spelling/menu.py" line="70" />
        <source>Ignore “%1” in this article</source>
        <translation>Abaikan “%1” di artikel ini</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/article_list/labels.py" line="17" />
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="18" />
        <source>Submitted</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="19" />
        <source>In review</source>
        <translation>Ditinjau</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="20" />
        <source>Sent back</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="21" />
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="22" />
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="23" />
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="24" />
        <source>Corrected</source>
        <translation>Dikoreksi</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="25" />
        <source>Unpublished</source>
        <translation>Ditarik</translation>
    </message>
    <message>
        <location filename="../../ui/article_list/labels.py" line="26" />
        <source>In trash</source>
        <translation>Di tempat sampah</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="222" />
        <source>%1 words, %2 characters</source>
        <translation>
            <numerusform>%1 kata, %2 karakter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="227" />
        <source>%n min read</source>
        <translation>
            <numerusform>%n menit baca</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="238" />
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="240" />
        <source>Not saved yet</source>
        <translation>Belum tersimpan</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="242" />
        <source>Not saved: see the message</source>
        <translation>Tidak tersimpan: lihat pesannya</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="199" />
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="136" />
        <source>Undo</source>
        <extracomment>How long "moved to the trash" and its Undo button stay. The most the server's state takes of the bar (a quarter of it, never under this many pixels); longer states are shortened to it.</extracomment>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="200" />
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="201" />
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="202" />
        <source>Signed out</source>
        <translation>Sudah keluar</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="203" />
        <source>Sync failed</source>
        <translation>Sinkronisasi gagal</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="207" />
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n perubahan menunggu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_bar.py" line="209" />
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n konflik</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync/controller.py" line="138" />
        <source>Signed in to %1 as %2.</source>
        <translation>Masuk ke %1 sebagai %2.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="142" />
        <source>No system keyring here: the sign-in is kept in %1, readable by you alone.</source>
        <translation>Tidak ada keyring sistem di sini: tanda masuk disimpan di %1, hanya bisa dibaca oleh Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="155" />
        <source>The newsroom copy is %1; it could not be made the default: %2</source>
        <translation>Salinan redaksi ada di %1; tidak bisa dijadikan bawaan: %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="173" />
        <source>Signed out: sign in to sync again.</source>
        <translation>Sudah keluar: masuk lagi untuk menyinkronkan.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="175" />
        <source>Signed out; this computer's sign-in is revoked.</source>
        <translation>Sudah keluar; tanda masuk komputer ini dicabut.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="178" />
        <source>Signed out here. The server could not be told: ask an admin to revoke this computer's sign-in (redaksi tokens revoke).</source>
        <translation>Sudah keluar di sini. Server tidak bisa diberi tahu: minta admin mencabut tanda masuk komputer ini (redaksi tokens revoke).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="232" />
        <source>Next try in %1 s.</source>
        <translation>Dicoba lagi dalam %1 detik.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="264" />
        <source>Your text as it stood on this computer is kept as a revision (Article → Revisions…).</source>
        <translation>Teks Anda seperti di komputer ini disimpan sebagai revisi (Artikel → Revisi…).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="270" />
        <source>The newsroom server did not accept a change:</source>
        <translation>Server redaksi tidak menerima sebuah perubahan:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="321" />
        <source>%1 as %2</source>
        <translation>%1 sebagai %2</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="340" />
        <source>Sign &amp;in to newsroom…</source>
        <translation>&amp;Masuk ke server redaksi…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="341" />
        <source>Sign in to the newsroom server and work on a copy of it here</source>
        <translation>Masuk ke server redaksi dan bekerja pada salinannya di sini</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="344" />
        <source>Sign &amp;out of newsroom</source>
        <translation>&amp;Keluar dari server redaksi</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="345" />
        <source>Revoke and forget this computer's sign-in; your work stays here</source>
        <translation>Cabut dan lupakan tanda masuk komputer ini; pekerjaan Anda tetap di sini</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="348" />
        <source>S&amp;ync now</source>
        <translation>Sinkronkan &amp;sekarang</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="349" />
        <source>Send waiting changes and fetch the newsroom's now</source>
        <translation>Kirim perubahan yang menunggu dan ambil perubahan redaksi sekarang</translation>
    </message>
</context>
<context>
    <name>TextFetch</name>
    <message>
        <location filename="../../ui/sync/bodies.py" line="58" />
        <source>Loading the text of this article from the newsroom server…</source>
        <translation>Memuat teks artikel ini dari server redaksi…</translation>
    </message>
</context>
<context>
    <name>UncleanExitRecovery</name>
    <message numerus="yes">
        <location filename="../../ui/unclean_exit.py" line="47" />
        <source>Redaksi was not closed properly last time. The unsaved text of %n article(s) is kept aside: it is put back as soon as you sign in (Article → Switch profile).</source>
        <translation>
            <numerusform>Redaksi tidak ditutup dengan benar terakhir kali. Teks yang belum tersimpan dari %n artikel disimpan terpisah: teks itu dipulihkan begitu Anda masuk (Artikel → Ganti profil).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/unclean_exit.py" line="85" />
        <source>Redaksi was not closed properly last time. The unsaved text of %n article(s) was restored.</source>
        <translation>
            <numerusform>Redaksi tidak ditutup dengan benar terakhir kali. Teks yang belum tersimpan dari %n artikel sudah dipulihkan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/unclean_exit.py" line="105" />
        <source>Could not read the recovery files: %1</source>
        <translation>Berkas pemulihan tidak dapat dibaca: %1</translation>
    </message>
</context>
<context>
    <name>ViewsChart</name>
    <message>
        <location filename="../../ui/dashboard/audience_charts.py" line="78" />
        <source>No page views in this window. Import them with: redaksi views import</source>
        <extracomment>Longest headline shown beside a Populer bar; the full one is in the hover text. The Populer chart's label column, and what the axis keeps for its tick marks.</extracomment>
        <translation>Belum ada data kunjungan dalam rentang ini. Impor dengan: redaksi views import</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/audience_charts.py" line="107" />
        <source>%1: %2 views</source>
        <translation>%1: %2 tayangan</translation>
    </message>
</context>
<context>
    <name>WordCount</name>
    <message>
        <location filename="../../ui/editor_pane/word_count.py" line="88" />
        <source>— / %1 words</source>
        <translation>— / %1 kata</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/word_count.py" line="90" />
        <source>— words</source>
        <translation>— kata</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/word_count.py" line="95" />
        <source>%1 / %2 words</source>
        <translation>%1 / %2 kata</translation>
    </message>
    <message>
        <location filename="../../ui/editor_pane/word_count.py" line="102" />
        <source>%1 words</source>
        <translation>%1 kata</translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="107" />
        <source>No profile chosen: choose who you are to file, review and publish.</source>
        <extracomment>The moves the bar offers, in reading order; each shows whether it applies or not. The article after a status change went through. Something was written to the audit log (a change or a refusal). The user asked to choose a profile. Called before a move; False stops it (the window saves the typed text here). The words the person accepted or ignored in an article, for the checklist.</extracomment>
        <translation>Belum ada profil: pilih siapa Anda untuk mengirim, meninjau, dan menerbitkan.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="111" />
        <source>Working as %1 (%2)</source>
        <translation>Bekerja sebagai %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="116" />
        <source>No article open.</source>
        <translation>Tidak ada artikel yang terbuka.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="119" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="134" />
        <source>Open an article first.</source>
        <translation>Buka artikel dulu.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="136" />
        <source>Choose your profile first (Article &gt; Switch profile).</source>
        <translation>Pilih profil Anda dulu (Artikel &gt; Ganti profil).</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="140" />
        <location filename="../../ui/workflow/workflow_bar.py" line="152" />
        <source>Your role (%1) may not do this; ask an editor.</source>
        <translation>Peran Anda (%1) tidak boleh melakukan ini; minta bantuan editor.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="147" />
        <source>Not possible while the article is %1. From here it can go to: %2.</source>
        <translation>Tidak bisa selama artikel berstatus %1. Dari sini artikel bisa menjadi: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="204" />
        <source>Publish anyway?</source>
        <translation>Tetap terbitkan?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="204" />
        <source>Schedule anyway?</source>
        <translation>Tetap jadwalkan?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="209" />
        <source>Checklist warnings</source>
        <translation>Peringatan daftar periksa</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="239" />
        <source>Checklist not complete</source>
        <translation>Daftar periksa belum lengkap</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="240" />
        <source>%1

To go ahead anyway, give the reason the audit log keeps:</source>
        <translation>%1

Untuk tetap melanjutkan, tulis alasannya (disimpan di log audit):</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="258" />
        <source>Not done</source>
        <translation>Tidak dilakukan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="262" />
        <source>What should the reporter change?</source>
        <translation>Apa yang harus diubah reporter?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="263" />
        <source>Why is the article unpublished?</source>
        <translation>Mengapa artikel ini ditarik?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="264" />
        <source>The correction note readers will see:</source>
        <translation>Catatan koreksi yang akan dilihat pembaca:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="266" />
        <source>Note:</source>
        <translation>Catatan:</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/workflow_bar.py" line="271" />
        <source>Switch profile…</source>
        <translation>Ganti profil…</translation>
    </message>
</context>
<context>
    <name>WorkflowIntegration</name>
    <message>
        <location filename="../../ui/workflow/integration.py" line="262" />
        <source>Budget not written</source>
        <translation>Daftar berita tidak ditulis</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="265" />
        <source>Day budget written to %1</source>
        <translation>Daftar berita harian ditulis ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="309" />
        <source>You took the article over.</source>
        <translation>Anda mengambil alih artikel ini.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="311" />
        <source>Their unsaved text is kept as revision %1.</source>
        <translation>Teks mereka yang belum tersimpan disimpan sebagai revisi %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/integration.py" line="340" />
        <source>%n scheduled article(s) published.</source>
        <translation>
            <numerusform>%n artikel terjadwal sudah terbit.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="357" />
        <source>Workflow</source>
        <translation>Alur kerja</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="361" />
        <source>S&amp;witch profile…</source>
        <translation>&amp;Ganti profil…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="362" />
        <source>Choose who is working here, or sign in</source>
        <translation>Pilih siapa yang bekerja di sini, atau masuk</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="364" />
        <source>&amp;Workflow</source>
        <translation>&amp;Alur kerja</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="364" />
        <source>Show or hide status and review</source>
        <translation>Tampilkan atau sembunyikan status dan tinjauan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="366" />
        <source>&amp;Audit log…</source>
        <translation>Log a&amp;udit…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="367" />
        <source>Who changed which status, and when</source>
        <translation>Siapa mengubah status apa, dan kapan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="370" />
        <source>&amp;Calendar…</source>
        <translation>&amp;Kalender…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="371" />
        <source>What is scheduled per day and hour</source>
        <translation>Apa yang terjadwal per hari dan jam</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="374" />
        <source>Export day &amp;budget (PDF)…</source>
        <translation>Ekspor &amp;daftar berita harian (PDF)…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="375" />
        <source>A printable list of the day's stories</source>
        <translation>Daftar berita hari itu yang siap cetak</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="168" />
        <source>Nobody is signed in in this window, and this newsroom saves only the work of someone signed in. Sign in first (Article → Switch profile).</source>
        <extracomment>Action ids this module registers; the window's menus place them. Whether the Workflow panel was last shown (it starts shown). A row of three Indonesian workflow buttons stays unclipped at this width. Someone signed in or chose their profile (None: nobody is signed in now).</extracomment>
        <translation>Belum ada yang masuk di jendela ini, dan redaksi ini hanya menyimpan pekerjaan orang yang sudah masuk. Masuklah dulu (Artikel → Ganti profil).</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="321" />
        <source>Someone else is editing this article now; it is read-only here.</source>
        <translation>Orang lain sedang menyunting artikel ini; di sini artikel hanya bisa dibaca.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="323" />
        <source>Your unsaved text is kept as revision %1.</source>
        <translation>Teks Anda yang belum tersimpan disimpan sebagai revisi %1.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/integration.py" line="330" />
        <source>This window works directly on a shared database. Redaksi checks roles, locks and sign-in and keeps the audit log, but the database does not: anyone who has its password (or another program) can change anything, unchecked and unrecorded. Keep the database password for IT.</source>
        <translation>Jendela ini bekerja langsung pada basis data bersama. Redaksi memeriksa peran, kunci dan akun serta mencatat log audit, tetapi basis data itu sendiri tidak: siapa pun yang memegang kata sandinya (atau program lain) dapat mengubah apa saja, tanpa diperiksa dan tanpa tercatat. Simpan kata sandi basis data untuk TI saja.</translation>
    </message>
</context>
<context>
    <name>WorkflowLabels</name>
    <message>
        <location filename="../../ui/workflow/labels.py" line="20" />
        <source>Reschedule…</source>
        <translation>Ubah jadwal…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="22" />
        <source>Unschedule</source>
        <translation>Batalkan jadwal</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="24" />
        <source>Back to draft</source>
        <translation>Kembali ke draf</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="26" />
        <source>Submit</source>
        <translation>Ajukan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="27" />
        <source>Take back</source>
        <translation>Tarik kembali</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="28" />
        <source>Start review</source>
        <translation>Mulai tinjau</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="29" />
        <source>Send back…</source>
        <translation>Kembalikan…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="30" />
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="31" />
        <source>Schedule…</source>
        <translation>Jadwalkan…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="32" />
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="33" />
        <source>Unpublish…</source>
        <translation>Tarik dari situs…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="34" />
        <source>Correct…</source>
        <translation>Koreksi…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="40" />
        <source>reporter</source>
        <translation>reporter</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="41" />
        <source>editor</source>
        <translation>editor</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="42" />
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="48" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="49" />
        <source>Take-over</source>
        <translation>Ambil alih</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="50" />
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="51" />
        <source>Lock</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="57" />
        <source>done</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="58" />
        <source>override</source>
        <translation>dipaksakan</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/labels.py" line="59" />
        <source>refused</source>
        <translation>ditolak</translation>
    </message>
</context>
<context>
    <name>_Texts</name>
    <message>
        <location filename="../../ui/workflow/prompts.py" line="36" />
        <source>Publish time</source>
        <extracomment>Prompts are at least this wide: a date field alone would make a sliver of a dialog.</extracomment>
        <translation>Waktu terbit</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/prompts.py" line="39" />
        <source>Publish the article at (%1):</source>
        <translation>Terbitkan artikel pada (%1):</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/prompts.py" line="42" />
        <source>Day budget</source>
        <translation>Daftar berita harian</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/prompts.py" line="45" />
        <source>Which day's stories?</source>
        <translation>Berita hari apa?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/prompts.py" line="48" />
        <source>Export day budget</source>
        <translation>Ekspor daftar berita harian</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/prompts.py" line="51" />
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
</context>
</TS>