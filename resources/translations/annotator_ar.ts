<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About annotator</source>
        <translation>عن المُوسِّم</translation>
    </message>
    <message>
        <source>Label stance, actors and claims in Arabic news. Your work stays in one file on this computer.</source>
        <translation>وسم المواقف والفاعلين والادعاءات في الأخبار العربية. يبقى عملك في ملف واحد على هذا الحاسوب.</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>الزوج</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>المطابقة</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>الاستدعاء</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>الحقل</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Document fields</source>
        <translation>حقول المستند</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Where to start</source>
        <translation>من أين تبدأ</translation>
    </message>
    <message>
        <source>Against gold</source>
        <translation>مقارنةً بالمرجع</translation>
    </message>
    <message>
        <source>{0} over {1} documents annotated by at least two of them. Mean span F1: exact {2}, overlap {3}.</source>
        <translation>{0} على {1} مستندًا وسمها اثنان منهم على الأقل. متوسط F1 للوسوم: تطابق تام {2}، تداخل {3}.</translation>
    </message>
</context>
<context>
    <name>AnnotationSearchPanel</name>
    <message>
        <source>Any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>Any value</source>
        <translation>أي قيمة</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>أي شخص</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>the span&apos;s text: words, &quot;a phrase&quot;</source>
        <translation>نص المقطع: كلمات، &quot;عبارة&quot;</translation>
    </message>
    <message>
        <source>No link needed</source>
        <translation>دون شرط ربط</translation>
    </message>
    <message>
        <source>any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>whose text matches…</source>
        <translation>نصه يطابق…</translation>
    </message>
    <message>
        <source>in articles matching: words, -exclude</source>
        <translation>في مقالات تطابق: كلمات، -استبعاد</translation>
    </message>
    <message>
        <source>Find spans</source>
        <translation>ابحث عن المقاطع</translation>
    </message>
    <message>
        <source>Show these articles in the list</source>
        <translation>اعرض هذه المقالات في القائمة</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>By, in</source>
        <translation>بواسطة، في</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>مرتبط</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بلا اسم)</translation>
    </message>
    <message>
        <source>in articles matching {0}</source>
        <translation>في مقالات تطابق {0}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source> (the first {0})</source>
        <translation> (أول {0})</translation>
    </message>
    <message>
        <source>{0} spans in {1} articles{2}</source>
        <translation>{0} مقطعًا في {1} مقالة{2}</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source>by {0}</source>
        <translation>بواسطة {0}</translation>
    </message>
</context>
<context>
    <name>ChoicePrompt</name>
    <message>
        <source>Skipped</source>
        <translation>تُرك</translation>
    </message>
    <message>
        <source>{0}: {1} · Esc skips</source>
        <translation>{0}: {1} · Esc للتخطي</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Select a span first</source>
        <translation>حدّد وسمًا أولًا</translation>
    </message>
    <message>
        <source>The selection holds only whitespace</source>
        <translation>التحديد فراغ فقط</translation>
    </message>
    <message>
        <source>Select some text first, then press a label key</source>
        <translation>حدّد نصًا أولًا ثم اضغط مفتاح الوسم</translation>
    </message>
    <message>
        <source>The span starts with no prefix to trim</source>
        <translation>لا يبدأ الوسم بسابقة تُحذف</translation>
    </message>
    <message>
        <source>Every document after this one is done</source>
        <translation>كل المستندات بعد هذا منجزة</translation>
    </message>
    <message>
        <source>Select the span the link starts from first</source>
        <translation>حدّد أولًا الوسم الذي يبدأ منه الربط</translation>
    </message>
    <message>
        <source>No span here that a link from this one may point to</source>
        <translation>لا وسم هنا يمكن أن يشير إليه ربط من هذا الوسم</translation>
    </message>
    <message>
        <source>{0} must start at {1}, not {2}</source>
        <translation>يجب أن يبدأ {0} من {1} لا من {2}</translation>
    </message>
    <message>
        <source>{0}: click the other span, or Tab to step through candidates and Enter to link; Esc cancels</source>
        <translation>{0}: انقر الوسم الآخر، أو Tab للتنقل بين المرشحين وEnter للربط؛ Esc للإلغاء</translation>
    </message>
</context>
<context>
    <name>DocumentInfo</name>
    <message>
        <source>URL</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>All statuses</source>
        <translation>كل الحالات</translation>
    </message>
    <message>
        <source>All annotators</source>
        <translation>كل المُوسِّمين</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>من YYYY-MM-DD</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>إلى YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{0}: {1} of {2} done</source>
        <translation>{0}: أُنجز {1} من {2}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بلا اسم)</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <source>Show every article again</source>
        <translation>اعرض كل المقالات مجددًا</translation>
    </message>
    <message>
        <source>Only the {0} articles found by: {1}</source>
        <translation>فقط المقالات الـ{0} التي وجدها: {1}</translation>
    </message>
    <message>
        <source>{0} of {1} documents shown</source>
        <translation>يُعرض {0} من {1} مستند</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong. Your labels are safe: every change is saved the moment you make it.</source>
        <translation>حدث خطأ. وسومك في أمان: كل تعديل يُحفظ لحظة إجرائه.</translation>
    </message>
    <message>
        <source>The details are in {0}.</source>
        <translation>التفاصيل في {0}.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source>gold (adjudicated documents)</source>
        <translation>المرجع (المستندات المحسومة)</translation>
    </message>
    <message>
        <source>Split into train, dev and test by document</source>
        <translation>التقسيم إلى تدريب وتطوير واختبار حسب المستند</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>الحفظ في</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Train, dev, test, seed</source>
        <translation>تدريب، تطوير، اختبار، البذرة</translation>
    </message>
    <message>
        <source>Folder to export into</source>
        <translation>مجلد التصدير</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
</context>
<context>
    <name>F1Chart</name>
    <message>
        <source>all</source>
        <translation>الكل</translation>
    </message>
    <message>
        <source>span F1, mean over pairs: dark exact, light overlap</source>
        <translation>F1 للوسوم، متوسط الأزواج: الداكن تام، الفاتح تداخل</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in the article</source>
        <translation>ابحث في المقال</translation>
    </message>
    <message>
        <source>Previous hit (Shift+Enter)</source>
        <translation>النتيجة السابقة (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next hit (Enter)</source>
        <translation>النتيجة التالية (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>no hits</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} من {1}</translation>
    </message>
</context>
<context>
    <name>FoldOptionsBox</name>
    <message>
        <source>ة = ه</source>
        <translation>ة = ه</translation>
    </message>
    <message>
        <source>With attached prefixes (و ف ب ك ل ال)</source>
        <translation>مع السوابق المتصلة (و ف ب ك ل ال)</translation>
    </message>
</context>
<context>
    <name>FoundInList</name>
    <message>
        <source>Finding the articles…</source>
        <translation>جارٍ إيجاد المقالات…</translation>
    </message>
    <message>
        <source>The list shows the {0} articles found</source>
        <translation>تعرض القائمة المقالات الـ{0} التي وُجدت</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <source>as written in the files</source>
        <translation>كما في الملفات</translation>
    </message>
    <message>
        <source>CSV: found by name or length</source>
        <translation>CSV: يُعرف بالاسم أو الطول</translation>
    </message>
    <message>
        <source>Add labels the files use to the scheme</source>
        <translation>إضافة الوسوم التي تستخدمها الملفات إلى المخطط</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>الترميز</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Files to import</source>
        <translation>ملفات للاستيراد</translation>
    </message>
    <message>
        <source>Articles and labels (*.txt *.jsonl *.json *.csv *.tsv *.ann);;All (*)</source>
        <translation>مقالات ووسوم (*.txt *.jsonl *.json *.csv *.tsv *.ann);;الكل (*)</translation>
    </message>
    <message>
        <source>Folder to import</source>
        <translation>مجلد للاستيراد</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>عمود النص</translation>
    </message>
    <message>
        <source>Title column</source>
        <translation>عمود العنوان</translation>
    </message>
    <message>
        <source>Id column</source>
        <translation>عمود المعرّف</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>عمود المصدر</translation>
    </message>
    <message>
        <source>Date column</source>
        <translation>عمود التاريخ</translation>
    </message>
    <message>
        <source>Add a file or a folder to see what it holds.</source>
        <translation>أضف ملفًا أو مجلدًا لترى ما فيه.</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} documents</source>
        <translation>{0} · {1} · {2} مستند</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Spans</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <source>Linking cancelled</source>
        <translation>أُلغي الربط</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>&amp;وسم</translation>
    </message>
    <message>
        <source>Lin&amp;k</source>
        <translation>&amp;ربط</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;إعدادات</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>No documents yet: File &gt; Import…, or drop files on this window.</source>
        <translation>لا مستندات بعد: ملف &gt; استيراد…، أو أفلت الملفات على هذه النافذة.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Merge a colleague&apos;s work</source>
        <translation>دمج عمل زميل</translation>
    </message>
    <message>
        <source>Annotator databases and exports (*.db *.sqlite *.jsonl);;All files (*)</source>
        <translation>قواعد بيانات المُوسِّم وملفات التصدير (*.db *.sqlite *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <source>Updated with changes saved by another window or program</source>
        <translation>حُدّث العرض بتعديلات حفظتها نافذة أو برنامج آخر</translation>
    </message>
    <message>
        <source>Annotator name</source>
        <translation>اسم المُوسِّم</translation>
    </message>
    <message>
        <source>Your name, stored with every label you make:</source>
        <translation>اسمك، يُحفظ مع كل وسم تضعه:</translation>
    </message>
    <message>
        <source>Annotator: {0}</source>
        <translation>المُوسِّم: {0}</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>بحث في الوسوم</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <source>Could not save</source>
        <translation>تعذّر الحفظ</translation>
    </message>
    <message>
        <source>The change was not saved, and nothing was half-applied.</source>
        <translation>لم يُحفظ التغيير، ولم يُطبَّق أي جزء منه.</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>برنامج آخر</translation>
    </message>
    <message>
        <source>Waiting for {0} to finish writing; {1} change(s) kept and saved as soon as it has finished</source>
        <translation>بانتظار انتهاء {0} من الكتابة؛ احتُفظ بـ {1} تعديل وسيُحفظ فور انتهائه</translation>
    </message>
    <message>
        <source>Cancelled; nothing from the unfinished file was kept</source>
        <translation>أُلغي؛ لم يُحفظ شيء من الملف غير المكتمل</translation>
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>RelationPanel</name>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Compare their work (Ctrl+Shift+R)</source>
        <translation>قارن عملهم (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>الخلاف</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>مَن</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Comment on the selected span, or on the document (Enter)</source>
        <translation>علّق على الوسم المحدد أو على المستند (Enter)</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>حُلّ</translation>
    </message>
    <message>
        <source>My feedback: comments on my work and where gold differs</source>
        <translation>ملاحظاتي: تعليقات على عملي ومواضع اختلاف المرجع</translation>
    </message>
    <message>
        <source>Agreement…</source>
        <translation>الاتفاق…</translation>
    </message>
    <message>
        <source>Whose work (colour = underline):</source>
        <translation>عمل مَن (اللون = الخط السفلي):</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>Review colleagues&apos; work</source>
        <translation>مراجعة عمل الزملاء</translation>
    </message>
    <message>
        <source>Next disagreement</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <source>Previous disagreement</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <source>Accept into gold</source>
        <translation>اقبل في المرجع</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>ارفض</translation>
    </message>
    <message>
        <source>Accept every agreement of the document</source>
        <translation>اقبل كل مواضع الاتفاق في المستند</translation>
    </message>
    <message>
        <source>Next feedback item</source>
        <translation>الملاحظة التالية</translation>
    </message>
    <message>
        <source>gold (dashed underline)</source>
        <translation>المرجع (خط متقطع)</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <source>Review mode is off.</source>
        <translation>وضع المراجعة متوقف.</translation>
    </message>
    <message>
        <source>Nothing to compare in this document.</source>
        <translation>لا شيء للمقارنة في هذا المستند.</translation>
    </message>
    <message>
        <source>{0} open of {1} disagreements</source>
        <translation>{0} مفتوحة من {1} خلافات</translation>
    </message>
    <message>
        <source>{0} agreements not yet in gold (G)</source>
        <translation>{0} مواضع اتفاق لم تدخل المرجع بعد (G)</translation>
    </message>
    <message>
        <source>adjudicated ✓</source>
        <translation>محسوم ✓</translation>
    </message>
    <message>
        <source>{1}: only {0}</source>
        <translation>{1}: عند {0} فقط</translation>
    </message>
    <message>
        <source>{0} labelled it {1}</source>
        <translation>وسمه {0} بـ{1}</translation>
    </message>
    <message>
        <source>{0}&apos;s {1} has other boundaries</source>
        <translation>حدود {1} عند {0} مختلفة</translation>
    </message>
    <message>
        <source>{1}: attributes differ</source>
        <translation>{1}: السمات مختلفة</translation>
    </message>
    <message>
        <source>{1} link: only {0}</source>
        <translation>رابط {1}: عند {0} فقط</translation>
    </message>
    <message>
        <source>{1}: values differ</source>
        <translation>{1}: القيم مختلفة</translation>
    </message>
    <message>
        <source>No open disagreement before this one</source>
        <translation>لا خلاف مفتوح قبل هذا</translation>
    </message>
    <message>
        <source>No open disagreement after this document</source>
        <translation>لا خلاف مفتوح بعد هذا المستند</translation>
    </message>
    <message>
        <source>Looking for the next open disagreement…</source>
        <translation>جارٍ البحث عن الخلاف المفتوح التالي…</translation>
    </message>
    <message>
        <source>Press N to go to a disagreement first</source>
        <translation>اضغط N للانتقال إلى خلاف أولًا</translation>
    </message>
    <message>
        <source>Nothing: no comment on your work, and gold agrees with you where it exists.</source>
        <translation>لا شيء: لا تعليقات على عملك، والمرجع يوافقك حيث وُجد.</translation>
    </message>
    <message>
        <source>That article is hidden by the list&apos;s filters: clear them to open it.</source>
        <translation>هذه المقالة مخفية بمرشحات القائمة: امسحها لفتحها.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search every article: words, &quot;a phrase&quot;, -exclude</source>
        <translation>ابحث في كل المقالات: كلمات، &quot;عبارة&quot;، -استبعاد</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Show these articles in the list</source>
        <translation>اعرض هذه المقالات في القائمة</translation>
    </message>
    <message>
        <source>Label the selected hits…</source>
        <translation>وسم النتائج المحددة…</translation>
    </message>
    <message>
        <source>Every hit when none is selected; shown for confirmation first, undone in one step</source>
        <translation>كل النتائج إن لم تحدد شيئا؛ تُعرض للتأكيد أولا، وتُلغى بخطوة واحدة</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>Building the search index: {0} articles</source>
        <translation>بناء فهرس البحث: {0} مقال</translation>
    </message>
    <message>
        <source> (the first {0})</source>
        <translation> (أول {0})</translation>
    </message>
    <message>
        <source>{0} hits in {1} articles{2}</source>
        <translation>{0} نتيجة في {1} مقال{2}</translation>
    </message>
    <message>
        <source>That article is hidden by the list&apos;s filters: clear them to open it.</source>
        <translation>هذا المقال مخفي بمرشحات القائمة: أزلها لفتحه.</translation>
    </message>
    <message>
        <source>Labelled {0} matches {1}; Undo takes them all back</source>
        <translation>وُسمت {0} نتيجة {1}؛ التراجع يلغيها كلها</translation>
    </message>
    <message>
        <source>Label all matches</source>
        <translation>وسم كل النتائج</translation>
    </message>
    <message>
        <source>Label {0} hits {1}?</source>
        <translation>وسم {0} نتيجة {1}؟</translation>
    </message>
    <message>
        <source>{0} overlap a span already there (marked ⚠ in the details); {1} already have your span of this label and are left alone.</source>
        <translation>{0} تتداخل مع وسم موجود (معلّمة ⚠ في التفاصيل)؛ {1} عليها وسمك نفسه فتُترك كما هي.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
</context>
<context>
    <name>SpanEditor</name>
    <message>
        <source>No span selected</source>
        <translation>لا وسم محدد</translation>
    </message>
    <message>
        <source>Note (Enter to save)</source>
        <translation>ملاحظة (Enter للحفظ)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Linked spans</source>
        <translation>الوسوم المرتبطة</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُوسِّم</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <source>Imported {0} documents ({1} spans, {2} links, {3} document labels).</source>
        <translation>استُورد {0} مستندًا ({1} وسمًا، {2} رابطًا، {3} وسمًا للمستند).</translation>
    </message>
    <message>
        <source>Added to the scheme: {0}</source>
        <translation>أُضيف إلى المخطط: {0}</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <source>Merge failed</source>
        <translation>تعذّر الدمج</translation>
    </message>
    <message>
        <source>Merged {0}.</source>
        <translation>دُمج {0}.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>Merged into {0} documents already here:</source>
        <translation>دُمج في {0} مستند موجود هنا:</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>فشل التصدير</translation>
    </message>
    <message>
        <source>Exported {0} documents ({1} spans, {2} links) to {3}.</source>
        <translation>صُدّر {0} مستندًا ({1} وسمًا، {2} رابطًا) إلى {3}.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Building the search index…</source>
        <translation>جارٍ بناء فهرس البحث…</translation>
    </message>
    <message>
        <source>The search index was not built</source>
        <translation>لم يُبنَ فهرس البحث</translation>
    </message>
    <message>
        <source>The search index is ready.</source>
        <translation>فهرس البحث جاهز.</translation>
    </message>
    <message>
        <source>Another import, export or merge is running; wait for it or cancel it first</source>
        <translation>استيراد أو تصدير أو دمج آخر قيد التشغيل؛ انتظر انتهاءه أو ألغه أولًا</translation>
    </message>
    <message>
        <source>Cancelled; nothing from the unfinished file was kept</source>
        <translation>أُلغي؛ لم يُحفظ شيء من الملف غير المكتمل</translation>
    </message>
    <message>
        <source>…and {0} more notes.</source>
        <translation>…و{0} ملاحظات أخرى.</translation>
    </message>
</context>
</TS>
