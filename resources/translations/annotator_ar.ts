<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
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
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
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
        <source>Select the span the link starts from first</source>
        <translation>حدّد أولًا الوسم الذي يبدأ منه الربط</translation>
    </message>
    <message>
        <source>{0} must start at {1}, not {2}</source>
        <translation>يجب أن يبدأ {0} من {1} لا من {2}</translation>
    </message>
    <message>
        <source>{0}: click the other span, or Tab to step through candidates and Enter to link; Esc cancels</source>
        <translation>{0}: انقر الوسم الآخر، أو Tab للتنقل بين المرشحين وEnter للربط؛ Esc للإلغاء</translation>
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
        <source>by {0}</source>
        <translation>بواسطة {0}</translation>
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
</TS>