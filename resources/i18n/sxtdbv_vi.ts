<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AgenciesPage</name>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="34"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="38"/>
        <source>Import list from Excel…</source>
        <translation>Nhập danh sách từ Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="39"/>
        <source>Export list…</source>
        <translation>Xuất danh sách…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="40"/>
        <source>Apply the 2025 reorganisation…</source>
        <translation>Áp dụng sắp xếp năm 2025…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="55"/>
        <source>Import list from Excel</source>
        <translation>Nhập danh sách từ Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="56"/>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>Bảng tính Excel (*.xlsx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="70"/>
        <location filename="../../desktop/ui/pages/agencies.py" line="81"/>
        <source>Export list</source>
        <translation>Xuất danh sách</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="71"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="86"/>
        <source>%1 agencies exported to %2.</source>
        <translation>Đã xuất %1 đơn vị ra %2.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="45"/>
        <location filename="../../desktop/ui/pages/agencies.py" line="44"/>
        <source>Agencies</source>
        <translation>Đơn vị</translation>
    </message>
</context>
<context>
    <name>AgencyListImportDialog</name>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="88"/>
        <source>Import agency list</source>
        <translation>Nhập danh sách đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="88"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="88"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="88"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="89"/>
        <source>Name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="89"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="90"/>
        <source>&amp;Import</source>
        <translation>&amp;Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="115"/>
        <source>successor of %1</source>
        <translation>kế thừa %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="121"/>
        <source>Sheet “%1”: %2 new, %3 changed, %4 unchanged, %5 refused.</source>
        <translation>Trang “%1”: %2 mới, %3 thay đổi, %4 không đổi, %5 bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="125"/>
        <source>%1 ends on %2 (it has a successor).</source>
        <translation>%1 kết thúc hiệu lực ngày %2 (có đơn vị kế thừa).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="128"/>
        <source>Rows in red are refused: correct the file and import it again. Nothing is imported while a row is refused.</source>
        <translation>Các dòng màu đỏ bị từ chối: sửa tệp rồi nhập lại. Chưa nhập gì khi còn dòng bị từ chối.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="131"/>
        <source>The list already holds everything in this file.</source>
        <translation>Danh sách đã có đủ mọi nội dung của tệp này.</translation>
    </message>
</context>
<context>
    <name>BackgroundOp</name>
    <message>
        <location filename="../../desktop/ui/background.py" line="73"/>
        <source>The work stopped on an unexpected error; nothing was lost.</source>
        <translation>Công việc dừng lại do một lỗi không lường trước; không có dữ liệu nào bị mất.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/background.py" line="75"/>
        <source>The details are in %1.</source>
        <translation>Chi tiết được ghi trong %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/background.py" line="160"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/background.py" line="186"/>
        <source>Stopping…</source>
        <translation>Đang dừng…</translation>
    </message>
</context>
<context>
    <name>BudgetBalance</name>
    <message>
        <location filename="../../desktop/ui/budget_balance.py" line="18"/>
        <source>Over the plan total by %1 VND</source>
        <translation>Vượt tổng kinh phí %1 đồng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/budget_balance.py" line="21"/>
        <source>%1 VND not yet allocated</source>
        <translation>Còn %1 đồng chưa phân bổ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/budget_balance.py" line="23"/>
        <source>Matches the plan total</source>
        <translation>Khớp với kế hoạch</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="39"/>
        <source>Disbursed (VND)</source>
        <translation>Đã giải ngân (đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="41"/>
        <source>Execution</source>
        <translation>Tỷ lệ giải ngân</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="55"/>
        <source>&lt;b&gt;Disbursements of the selected line&lt;/b&gt;</source>
        <translation>&lt;b&gt;Các lần giải ngân của khoản đang chọn&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="89"/>
        <source>The estimate lines now add up to more than the plan total.</source>
        <translation>Tổng các khoản dự toán nay lớn hơn tổng kinh phí của kế hoạch.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="41"/>
        <location filename="../../desktop/ui/pages/budget.py" line="67"/>
        <location filename="../../desktop/ui/pages/budget.py" line="88"/>
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="103"/>
        <source>Total of the lines: &lt;b&gt;%1&lt;/b&gt; VND — plan total: &lt;b&gt;%2&lt;/b&gt; VND — </source>
        <translation>Tổng các khoản dự toán: &lt;b&gt;%1&lt;/b&gt; đồng — tổng kinh phí kế hoạch: &lt;b&gt;%2&lt;/b&gt; đồng — </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="106"/>
        <source>Disbursed: %1 VND (%2); remaining: %3 VND</source>
        <translation>Đã giải ngân: %1 đồng (%2); còn lại: %3 đồng</translation>
    </message>
</context>
<context>
    <name>ComboEditor</name>
    <message>
        <location filename="../../desktop/ui/forms/editors.py" line="251"/>
        <source>(no longer offered)</source>
        <translation>(không còn trong danh sách chọn)</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="68"/>
        <source>Average progress of the activities</source>
        <translation>Tiến độ trung bình của các hoạt động</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="69"/>
        <source>Budget disbursed of the allocated lines</source>
        <translation>Tỷ lệ giải ngân so với dự toán</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="70"/>
        <source>Training participants / target</source>
        <translation>Học viên tập huấn / chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="71"/>
        <source>Enterprises surveyed / target</source>
        <translation>Doanh nghiệp đã khảo sát / chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="35"/>
        <location filename="../../desktop/ui/pages/dashboard.py" line="110"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="143"/>
        <source>Computing the figures…</source>
        <translation>Đang tính các số liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="159"/>
        <source>Figures as of %1</source>
        <translation>Số liệu tính đến ngày %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="161"/>
        <source>%1 inconsistencies in the data to check</source>
        <translation>%1 điểm số liệu không khớp cần kiểm tra</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="170"/>
        <source>%1 activities, %2 done, %3 overdue</source>
        <translation>%1 hoạt động, %2 hoàn thành, %3 quá hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="176"/>
        <source>Allocated %1 of %2 VND; disbursed %3; remaining %4</source>
        <translation>Dự toán %1 / %2 đồng; đã giải ngân %3; còn lại %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard.py" line="181"/>
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n lớp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="185"/>
        <source>Model enterprise: %1</source>
        <translation>Doanh nghiệp mẫu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="186"/>
        <source>not chosen yet</source>
        <translation>chưa chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="193"/>
        <source>&lt;b&gt;Overdue tasks (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nhiệm vụ quá hạn (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="198"/>
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="201"/>
        <source>&lt;b&gt;Offices that have not reported (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Đơn vị chưa gửi báo cáo (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="210"/>
        <source>Activities by status</source>
        <translation>Hoạt động theo tình trạng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="215"/>
        <source>Budget (million VND)</source>
        <translation>Kinh phí (triệu đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="212"/>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="212"/>
        <source>Allocated</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="213"/>
        <source>Disbursed</source>
        <translation>Đã giải ngân</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <location filename="../../desktop/ui/forms/editors.py" line="154"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/editors.py" line="159"/>
        <source>Choose from a calendar</source>
        <translation>Chọn trên lịch</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/forms/entity_dialog.py" line="196"/>
        <source>Not saved: %n field(s) need correcting.</source>
        <translation>
            <numerusform>Chưa lưu: có %n ô cần sửa.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/entity_dialog.py" line="206"/>
        <source>Discard changes?</source>
        <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/entity_dialog.py" line="206"/>
        <source>The changes you typed have not been saved. Discard them?</source>
        <translation>Những gì bạn vừa nhập chưa được lưu. Bỏ các thay đổi này?</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/ui/errors.py" line="123"/>
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="124"/>
        <source>Something went wrong: %1</source>
        <translation>Đã xảy ra lỗi: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="126"/>
        <source>The program keeps running and the data already saved is safe. The details were written to %1.</source>
        <translation>Chương trình vẫn tiếp tục chạy và dữ liệu đã lưu vẫn an toàn. Chi tiết lỗi đã được ghi vào %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/errors.py" line="130"/>
        <source>The program keeps running and the data already saved is safe. The details could not be written to the log file.</source>
        <translation>Chương trình vẫn tiếp tục chạy và dữ liệu đã lưu vẫn an toàn. Không ghi được chi tiết lỗi vào tệp nhật ký.</translation>
    </message>
</context>
<context>
    <name>ExportProgressDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="23"/>
        <source>Export Excel — %1</source>
        <translation>Xuất Excel — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="25"/>
        <source>Writing the workbook…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="28"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="41"/>
        <source>Writing “%1”…</source>
        <translation>Đang ghi “%1”…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/export_dialog.py" line="53"/>
        <source>Stopped: no file was written.</source>
        <translation>Đã dừng: không có tệp nào được ghi.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="95"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="15"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="20"/>
        <source>The guide is missing.</source>
        <translation>Không tìm thấy tài liệu hướng dẫn.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="71"/>
        <source>Import Excel — %1</source>
        <translation>Nhập Excel — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="79"/>
        <source>File: %1</source>
        <translation>Tệp: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="118"/>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="119"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="127"/>
        <source>What the import would do</source>
        <translation>Những gì sẽ được nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="88"/>
        <source>No errors or warnings.</source>
        <translation>Không có lỗi hay cảnh báo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="140"/>
        <source>Show:</source>
        <translation>Hiện:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="142"/>
        <source>All rows with a change</source>
        <translation>Mọi dòng có thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="146"/>
        <source>Search (accents optional)…</source>
        <translation>Tìm kiếm (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/conflicts.py" line="22"/>
        <source>Conflicts:</source>
        <translation>Xung đột:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/conflicts.py" line="23"/>
        <source>Keep mine for selected</source>
        <translation>Giữ bản của máy này cho các dòng chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/conflicts.py" line="24"/>
        <source>Take theirs for selected</source>
        <translation>Lấy bản trong tệp cho các dòng chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/conflicts.py" line="26"/>
        <source>Keep mine for all</source>
        <translation>Giữ bản của máy này cho tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/conflicts.py" line="27"/>
        <source>Take theirs for all</source>
        <translation>Lấy bản trong tệp cho tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="100"/>
        <source>Import the other rows and leave the rejected rows out</source>
        <translation>Nhập các dòng khác, bỏ qua các dòng bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="105"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="106"/>
        <source>Print preview…</source>
        <translation>Xem trước khi in…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="189"/>
        <source>Checking “%1”…</source>
        <translation>Đang kiểm tra “%1”…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="201"/>
        <source>… and %1 more errors.</source>
        <translation>… và %1 lỗi khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="204"/>
        <source>Nothing to import: the database already has everything in this file.</source>
        <translation>Không có gì để nhập: cơ sở dữ liệu đã có mọi nội dung của tệp này.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="219"/>
        <source>Stopped: nothing was imported.</source>
        <translation>Đã dừng: chưa nhập gì.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/conflicts.py" line="47"/>
        <source>Conflicts: %1 of %2 still to choose</source>
        <translation>Xung đột: còn %1 / %2 dòng chưa chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="282"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/import_preview.py" line="295"/>
        <source>Imported: %1 rows written. A backup was taken first.</source>
        <translation>Đã nhập: ghi %1 dòng. Cơ sở dữ liệu đã được sao lưu trước khi nhập.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="35"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="36"/>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="37"/>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="38"/>
        <source>Older (skipped)</source>
        <translation>Cũ hơn (bỏ qua)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="39"/>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="40"/>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="41"/>
        <source>Deleted</source>
        <translation>Bị xóa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="49"/>
        <source>Keep this computer&apos;s version</source>
        <translation>Giữ bản trên máy này</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="51"/>
        <source>Take the file&apos;s version</source>
        <translation>Lấy bản trong tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="52"/>
        <source>Not chosen yet</source>
        <translation>Chưa chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="58"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="59"/>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="60"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="61"/>
        <source>Title</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="62"/>
        <source>Changes (before → after)</source>
        <translation>Thay đổi (trước → sau)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/changes.py" line="63"/>
        <source>Resolution</source>
        <translation>Cách giải quyết</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="55"/>
        <source>Import a list from Excel — %1</source>
        <translation>Nhập danh sách từ Excel — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="63"/>
        <source>Columns (suggested from the titles; check them)</source>
        <translation>Các cột (gợi ý theo tiêu đề; hãy kiểm tra lại)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="80"/>
        <source>Import the other rows and leave the rejected rows out</source>
        <translation>Nhập các dòng còn lại, bỏ các dòng bị từ chối</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="85"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="86"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="130"/>
        <source>Participants</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="130"/>
        <source>Surveyed enterprises</source>
        <translation>Doanh nghiệp khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="113"/>
        <source>The row holding the column titles (STT, Họ và tên…)</source>
        <translation>Dòng ghi tên các cột (STT, Họ và tên…)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="114"/>
        <source>or click that row in the preview below</source>
        <translation>hoặc bấm vào dòng đó trong bảng xem trước bên dưới</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="116"/>
        <source>Import as:</source>
        <translation>Nhập thành:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="118"/>
        <source>Sheet:</source>
        <translation>Trang tính:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="122"/>
        <source>Header row:</source>
        <translation>Dòng tiêu đề:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="138"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="175"/>
        <source>Course:</source>
        <translation>Lớp tập huấn:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="175"/>
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="191"/>
        <source>Reading the file…</source>
        <translation>Đang đọc tệp…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="222"/>
        <source>Reading the rows…</source>
        <translation>Đang đọc các dòng…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="246"/>
        <source>Choose the header row with the box above or a click on the row in the preview.</source>
        <translation>Hãy chọn dòng tiêu đề ở ô phía trên hoặc bấm vào dòng đó trong bảng xem trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="249"/>
        <source>Header on row %1: %2 rows to check, %3 rows skipped (blank, totals, signatures…).</source>
        <translation>Tiêu đề ở dòng %1: %2 dòng cần kiểm tra, bỏ qua %3 dòng (dòng trống, dòng tổng cộng, chữ ký…).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="266"/>
        <source>(not imported)</source>
        <translation>(không nhập)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="268"/>
        <source>Column %1</source>
        <translation>Cột %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="284"/>
        <source>Choose the sheet, the header row and the course or plan first.</source>
        <translation>Hãy chọn trang tính, dòng tiêu đề và lớp tập huấn hoặc kế hoạch trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="288"/>
        <source>Checking the rows…</source>
        <translation>Đang kiểm tra các dòng…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="301"/>
        <source>New: %1, already present: %2, rejected: %3, skipped: %4.</source>
        <translation>Mới: %1, đã có: %2, bị từ chối: %3, bỏ qua: %4.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="313"/>
        <source>Stopped: nothing was imported.</source>
        <translation>Đã dừng: chưa nhập gì.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="320"/>
        <source>Importing…</source>
        <translation>Đang nhập…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/list_import.py" line="327"/>
        <source>Imported: %1 rows added.</source>
        <translation>Đã nhập: thêm %1 dòng.</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="118"/>
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="120"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="122"/>
        <source>De&amp;lete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="129"/>
        <source>Search (accents optional)…</source>
        <translation>Tìm kiếm (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="359"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="386"/>
        <source>Total of the rows shown — %1</source>
        <translation>Tổng các dòng đang hiển thị — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="392"/>
        <source>Reading %1 of %2 rows…</source>
        <translation>Đang đọc %1 / %2 dòng…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/list_panel.py" line="395"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln dòng</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="397"/>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="448"/>
        <source>Edit: %1</source>
        <translation>Sửa: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="448"/>
        <source>Add: %1</source>
        <translation>Thêm: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="110"/>
        <source>%1 row(s) added. Refused:</source>
        <translation>Đã thêm %1 dòng. Các dòng bị từ chối:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="111"/>
        <source>row %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="113"/>
        <source>Paste</source>
        <translation>Dán</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="131"/>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="135"/>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="146"/>
        <source>Saved. Note: %1</source>
        <translation>Đã lưu. Lưu ý: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="180"/>
        <source>Open the form</source>
        <translation>Mở biểu mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="182"/>
        <source>Duplicate</source>
        <translation>Nhân bản</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="184"/>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="186"/>
        <source>Copy with headers</source>
        <translation>Sao chép kèm tiêu đề cột</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="188"/>
        <source>Paste rows from Excel</source>
        <translation>Dán các dòng từ Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_actions.py" line="206"/>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="497"/>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="505"/>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="515"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="497"/>
        <source>Delete “%1”?</source>
        <translation>Xóa “%1”?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/list_panel.py" line="506"/>
        <source>%n other row(s) depend on “%1” and will be deleted with it. Continue?</source>
        <translation>
            <numerusform>Có %n dòng khác gắn với “%1” và sẽ bị xóa theo. Tiếp tục?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/column_chooser.py" line="39"/>
        <source>Columns shown</source>
        <translation>Các cột hiển thị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/column_chooser.py" line="54"/>
        <source>Show all columns</source>
        <translation>Hiện tất cả các cột</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>Print summary…</source>
        <translation>In báo cáo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="32"/>
        <source>New plan &amp;year…</source>
        <translation>Kế hoạch năm &amp;mới…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="34"/>
        <source>Copy this plan into a new year</source>
        <translation>Sao chép kế hoạch này sang một năm mới</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="35"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="37"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="41"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="44"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="49"/>
        <source>&amp;Find</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="51"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="53"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="54"/>
        <source>Copy the database into the backups folder</source>
        <translation>Sao chép cơ sở dữ liệu vào thư mục sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="56"/>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="58"/>
        <source>E&amp;xport to Excel…</source>
        <translation>&amp;Xuất Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="60"/>
        <source>Write the plan, or one office&apos;s template, to an Excel workbook</source>
        <translation>Ghi kế hoạch, hoặc mẫu của một đơn vị, ra tệp Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="62"/>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Nhập Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="64"/>
        <source>Preview and import a workbook sent by another office</source>
        <translation>Xem trước và nhập tệp Excel do đơn vị khác gửi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="66"/>
        <source>Import a &amp;list from Excel…</source>
        <translation>Nhập &amp;danh sách từ Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="67"/>
        <source>Participants or enterprises typed in an office&apos;s own list</source>
        <translation>Học viên hoặc doanh nghiệp trong danh sách Excel do đơn vị tự lập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="69"/>
        <source>&amp;Print the table shown…</source>
        <translation>&amp;In bảng đang xem…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="71"/>
        <source>Print preview of the table on screen, as filtered and sorted</source>
        <translation>Xem trước khi in bảng trên màn hình, theo đúng bộ lọc và thứ tự sắp xếp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="73"/>
        <source>Save the table shown as P&amp;DF…</source>
        <translation>Lưu bảng đang xem thành &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="75"/>
        <source>User &amp;guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="77"/>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="84"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="84"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="121"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="125"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="127"/>
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="131"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="134"/>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_actions.py" line="138"/>
        <source>Plan year:</source>
        <translation>Năm kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_area.py" line="35"/>
        <source>All changes saved (%1)</source>
        <translation>Đã lưu mọi thay đổi (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_area.py" line="25"/>
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_area.py" line="27"/>
        <source>Read-only: changes cannot be saved</source>
        <translation>Chỉ đọc: không lưu được thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/status_area.py" line="30"/>
        <source>All changes saved</source>
        <translation>Đã lưu mọi thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="178"/>
        <source>The plan of %1 was created.</source>
        <translation>Đã tạo kế hoạch năm %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <location filename="../../desktop/ui/main_window.py" line="195"/>
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="184"/>
        <source>SXTDBV database (*.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu SXTDBV (*.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="225"/>
        <source>The whole plan</source>
        <translation>Toàn bộ kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="227"/>
        <location filename="../../desktop/ui/main_window.py" line="236"/>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="228"/>
        <source>Export the whole plan, or the template of one office:</source>
        <translation>Xuất toàn bộ kế hoạch, hoặc mẫu của một đơn vị:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="238"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="246"/>
        <source>Exported to %1</source>
        <translation>Đã xuất ra %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="252"/>
        <source>Import from Excel</source>
        <translation>Nhập Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="253"/>
        <location filename="../../desktop/ui/main_window.py" line="267"/>
        <source>Excel workbook (*.xlsx);;All files (*)</source>
        <translation>Tệp Excel (*.xlsx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="266"/>
        <source>Import a list from Excel</source>
        <translation>Nhập danh sách từ Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="281"/>
        <source>Import</source>
        <translation>Nhập dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="282"/>
        <source>After an import, the changes made before it can no longer be undone (Ctrl+Z). The data as it was is kept in the backup taken just before it. Continue?</source>
        <translation>Sau khi nhập, các thay đổi trước đó sẽ không hoàn tác (Ctrl+Z) được nữa. Dữ liệu như trước khi nhập vẫn được giữ trong bản sao lưu tạo ngay trước khi nhập. Tiếp tục?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="303"/>
        <source>Print &amp;preview…</source>
        <translation>&amp;Xem trước khi in…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="305"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="307"/>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu thành &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="309"/>
        <source>Save as &amp;Word…</source>
        <translation>Lưu &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="312"/>
        <source>Number, signer and &amp;options…</source>
        <translation>Số, người ký và &amp;tùy chọn in…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="315"/>
        <source>Print &amp;options…</source>
        <translation>&amp;Tùy chọn in…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="336"/>
        <location filename="../../desktop/ui/main_window.py" line="344"/>
        <location filename="../../desktop/ui/main_window.py" line="380"/>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="356"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="356"/>
        <source>There is no table on this page.</source>
        <translation>Trang này không có bảng nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="387"/>
        <source>Settings saved.</source>
        <translation>Đã lưu cài đặt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="396"/>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="398"/>
        <source>Backed up to %1</source>
        <translation>Đã sao lưu vào %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="412"/>
        <location filename="../../desktop/ui/main_window.py" line="421"/>
        <location filename="../../desktop/ui/main_window.py" line="427"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="413"/>
        <source>Replace the data in use by the backup “%1”? The data in use is backed up first.</source>
        <translation>Thay dữ liệu đang dùng bằng bản sao lưu “%1”? Dữ liệu đang dùng sẽ được sao lưu trước.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="450"/>
        <source>About SXTDBV</source>
        <translation>Giới thiệu SXTDBV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="451"/>
        <source>&lt;b&gt;SXTDBV&lt;/b&gt; version %1&lt;br&gt;Sustainable production and consumption plan — Department of Industry and Trade of Đồng Nai.&lt;br&gt;Works offline; data is kept in a local database.</source>
        <translation>&lt;b&gt;SXTDBV&lt;/b&gt; phiên bản %1&lt;br&gt;Kế hoạch sản xuất và tiêu dùng bền vững — Sở Công Thương tỉnh Đồng Nai.&lt;br&gt;Làm việc không cần mạng; dữ liệu lưu trên máy.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="160"/>
        <source>Daily backup made: %1</source>
        <translation>Đã sao lưu hằng ngày: %1</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="51"/>
        <location filename="../../desktop/ui/new_year_dialog.py" line="234"/>
        <source>New plan year</source>
        <translation>Kế hoạch năm mới</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="54"/>
        <source>The plan is copied into the new year (tasks, responsibilities, indicators with their targets, budget lines, reports owed) with progress and results cleared. Agencies that no longer exist in the new year are replaced by the agencies chosen below.</source>
        <translation>Kế hoạch được sao chép sang năm mới (nhiệm vụ, tổ chức thực hiện, chỉ tiêu cùng chỉ tiêu kế hoạch, dự toán, các báo cáo phải nộp); tiến độ và kết quả được xóa. Đơn vị không còn tồn tại trong năm mới được thay bằng đơn vị chọn dưới đây.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="72"/>
        <source>Year of the new plan:</source>
        <translation>Năm của kế hoạch mới:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="73"/>
        <source>Copy the plan of:</source>
        <translation>Sao chép kế hoạch năm:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="80"/>
        <source>Agency no longer in force</source>
        <translation>Đơn vị đã hết hiệu lực</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="80"/>
        <source>Ended on</source>
        <translation>Hết hiệu lực</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="81"/>
        <source>Named in</source>
        <translation>Có trong</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="81"/>
        <source>Replaced by</source>
        <translation>Thay bằng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="103"/>
        <source>&amp;Create the plan</source>
        <translation>&amp;Tạo kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="105"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="136"/>
        <source>To copy: %1 tasks, %2 responsibility groups, %3 reports owed, %4 legal bases, %5 budget lines.</source>
        <translation>Sẽ sao chép: %1 nhiệm vụ, %2 nhóm tổ chức thực hiện, %3 báo cáo phải nộp, %4 căn cứ, %5 khoản dự toán.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="161"/>
        <source>— choose —</source>
        <translation>— chọn —</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="163"/>
        <source>All %1 successors</source>
        <translation>Cả %1 đơn vị kế thừa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="166"/>
        <source>Drop (no agency in its place)</source>
        <translation>Bỏ, không giao cho đơn vị nào</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="180"/>
        <source>Several successors: choose one, all of them, or another agency.</source>
        <translation>Có nhiều đơn vị kế thừa: chọn một đơn vị, tất cả, hoặc một đơn vị khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="182"/>
        <source>No successor is named: choose the agency that takes over, or drop it.</source>
        <translation>Chưa có đơn vị kế thừa: chọn đơn vị nhận thay, hoặc bỏ.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="183"/>
        <source>Its successor, chosen automatically; you may choose another.</source>
        <translation>Đơn vị kế thừa, được chọn tự động; có thể chọn đơn vị khác.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="212"/>
        <source>Every agency of the plan is still in force in %1.</source>
        <translation>Mọi đơn vị của kế hoạch vẫn còn hiệu lực trong năm %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="215"/>
        <source>Choose what replaces the %1 agencies highlighted before creating the plan.</source>
        <translation>Chọn đơn vị thay thế cho %1 đơn vị được tô màu trước khi tạo kế hoạch.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="218"/>
        <source>%1 agencies will be replaced as shown.</source>
        <translation>%1 đơn vị sẽ được thay như trong bảng.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/new_year_dialog.py" line="219"/>
        <source>To edit after creating the plan (written for the former agencies): %1</source>
        <translation>Cần sửa lại sau khi tạo kế hoạch (nội dung viết cho các đơn vị cũ): %1</translation>
    </message>
</context>
<context>
    <name>OfficeReports</name>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="26"/>
        <source>Submitted on time</source>
        <translation>Đã nộp đúng hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="27"/>
        <source>Submitted late</source>
        <translation>Nộp muộn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="28"/>
        <source>Not yet due</source>
        <translation>Chưa đến hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="29"/>
        <source>Overdue, not submitted</source>
        <translation>Quá hạn, chưa nộp</translation>
    </message>
</context>
<context>
    <name>OfficeReportsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="46"/>
        <location filename="../../desktop/ui/pages/office_reports.py" line="48"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="51"/>
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="55"/>
        <source>Handed in today</source>
        <translation>Đã nộp hôm nay</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="43"/>
        <location filename="../../desktop/ui/pages/office_reports.py" line="68"/>
        <source>Office reports</source>
        <translation>Báo cáo đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="88"/>
        <source>%1 reports: %2 on time, %3 late, %4 not yet due, %5 overdue and missing</source>
        <translation>%1 báo cáo: %2 đúng hạn, %3 nộp muộn, %4 chưa đến hạn, %5 quá hạn chưa nộp</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="36"/>
        <source>Paste rows into: %1</source>
        <translation>Dán các dòng vào: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="47"/>
        <source>(leave out)</source>
        <translation>(bỏ qua)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="78"/>
        <source>Columns matched by their titles (the first row pasted is a header).</source>
        <translation>Các cột được ghép theo tiêu đề (dòng đầu tiên được dán là dòng tiêu đề).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="79"/>
        <source>Columns taken in the order of the list&apos;s columns.</source>
        <translation>Các cột được lấy theo thứ tự các cột của danh sách.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="80"/>
        <source>%1 row(s) will be added, %2 refused.</source>
        <translation>Sẽ thêm %1 dòng, từ chối %2 dòng.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="86"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="86"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="91"/>
        <source>Will be added</source>
        <translation>Sẽ được thêm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="92"/>
        <source>Refused: %1</source>
        <translation>Bị từ chối: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/paste_dialog.py" line="106"/>
        <source>Add %n row(s)</source>
        <translation>
            <numerusform>Thêm %n dòng</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="40"/>
        <source>Edit plan details…</source>
        <translation>Sửa thông tin kế hoạch…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="62"/>
        <source>&lt;b&gt;Indicators of the selected objective&lt;/b&gt; (target vs actual)</source>
        <translation>&lt;b&gt;Chỉ tiêu của mục tiêu đang chọn&lt;/b&gt; (kế hoạch và thực hiện)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="71"/>
        <source>Legal bases</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="72"/>
        <source>Objectives and indicators</source>
        <translation>Mục tiêu và chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="73"/>
        <source>Responsibilities</source>
        <translation>Tổ chức thực hiện</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="36"/>
        <location filename="../../desktop/ui/pages/plan.py" line="82"/>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="106"/>
        <source>Plan details</source>
        <translation>Thông tin kế hoạch</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/printing.py" line="85"/>
        <source>Print preview — %1</source>
        <translation>Xem trước khi in — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="89"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="90"/>
        <source>Save as P&amp;DF…</source>
        <translation>Lưu P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="91"/>
        <source>Save as &amp;Word…</source>
        <translation>Lưu &amp;Word…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="103"/>
        <source>Zoom</source>
        <translation>Thu phóng</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../desktop/ui/printing.py" line="59"/>
        <source>Printing</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="70"/>
        <source>Data to check before signing:</source>
        <translation>Số liệu cần kiểm tra trước khi ký:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="157"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="191"/>
        <source>Save as PDF</source>
        <translation>Lưu thành PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="193"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="200"/>
        <source>Could not write the PDF: %1</source>
        <translation>Không ghi được tệp PDF: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="215"/>
        <source>Save as Word</source>
        <translation>Lưu Word</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="217"/>
        <source>Word files (*.docx)</source>
        <translation>Tệp Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="224"/>
        <source>Could not write the Word file: %1</source>
        <translation>Không ghi được tệp Word: %1</translation>
    </message>
</context>
<context>
    <name>QuarterTimeline</name>
    <message>
        <location filename="../../desktop/ui/widgets/quarter_timeline.py" line="89"/>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
</context>
<context>
    <name>QuartersEditor</name>
    <message>
        <location filename="../../desktop/ui/forms/editors.py" line="301"/>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
</context>
<context>
    <name>ReadOnlyRetry</name>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="24"/>
        <source>Open for editing</source>
        <translation>Mở để sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="26"/>
        <source>Try again to open the database for editing (once the other window has closed it)</source>
        <translation>Thử mở lại cơ sở dữ liệu để sửa (sau khi cửa sổ kia đã đóng nó)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="39"/>
        <source>&amp;Try again</source>
        <translation>&amp;Thử lại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="40"/>
        <source>&amp;Continue read-only</source>
        <translation>Tiếp tục &amp;chỉ đọc</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="54"/>
        <source>The database is still open in another window; it stays read-only.</source>
        <translation>Cơ sở dữ liệu vẫn đang mở ở cửa sổ khác; vẫn ở chế độ chỉ đọc.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="57"/>
        <source>The database is now open for editing.</source>
        <translation>Cơ sở dữ liệu đã được mở để sửa.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="75"/>
        <source>The other window has closed the database. Open it for editing now?</source>
        <translation>Cửa sổ kia đã đóng cơ sở dữ liệu. Mở để sửa ngay bây giờ?</translation>
    </message>
</context>
<context>
    <name>ReferenceUpdateDialog</name>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="151"/>
        <source>Apply the 2025 reorganisation</source>
        <translation>Áp dụng sắp xếp năm 2025</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="151"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="151"/>
        <source>Name</source>
        <translation>Tên đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="152"/>
        <source>Changes</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="152"/>
        <source>&amp;Apply</source>
        <translation>Á&amp;p dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="160"/>
        <source>not in the agency list: skipped</source>
        <translation>không có trong danh sách đơn vị: bỏ qua</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="162"/>
        <source>already up to date</source>
        <translation>đã cập nhật từ trước</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="164"/>
        <source>legal source added to the note</source>
        <translation>đã thêm căn cứ vào ghi chú</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="168"/>
        <source>%1: %2 agencies to change.</source>
        <translation>%1: %2 đơn vị sẽ thay đổi.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="170"/>
        <source>Legal sources:</source>
        <translation>Căn cứ pháp lý:</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <location filename="../../desktop/ui/printing.py" line="313"/>
        <location filename="../../desktop/ui/printing.py" line="402"/>
        <source>Print options</source>
        <translation>Tùy chọn in</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="322"/>
        <source>Parent agency</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="323"/>
        <source>Issuing agency</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="324"/>
        <source>Document number</source>
        <translation>Số văn bản</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="325"/>
        <source>Place</source>
        <translation>Địa danh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="326"/>
        <source>Date (dd/mm/yyyy)</source>
        <translation>Ngày (ngày/tháng/năm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="327"/>
        <source>automatic: %1</source>
        <translation>tự động: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="328"/>
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="330"/>
        <source>Signer&apos;s title</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="331"/>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="333"/>
        <source>Recipients (one a line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="335"/>
        <source>Top margin (mm)</source>
        <translation>Lề trên (mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="336"/>
        <source>Bottom margin (mm)</source>
        <translation>Lề dưới (mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="337"/>
        <source>Left margin (mm)</source>
        <translation>Lề trái (mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="338"/>
        <source>Right margin (mm)</source>
        <translation>Lề phải (mm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="349"/>
        <source>Body text size (pt)</source>
        <translation>Cỡ chữ nội dung (pt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="354"/>
        <source>Table text size (pt)</source>
        <translation>Cỡ chữ trong bảng (pt)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="358"/>
        <source>Amounts in words: thousands</source>
        <translation>Số tiền bằng chữ: hàng nghìn đọc là</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="362"/>
        <source>Amounts in words: zero tens (105)</source>
        <translation>Số tiền bằng chữ: số 0 hàng chục (105) đọc là</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/printing.py" line="403"/>
        <source>Save these values anyway?</source>
        <translation>Vẫn lưu các giá trị này?</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="33"/>
        <location filename="../../desktop/ui/restore_dialog.py" line="89"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="35"/>
        <source>Daily (automatic)</source>
        <translation>Hằng ngày (tự động)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="35"/>
        <source>Before an Excel import</source>
        <translation>Trước khi nhập tệp Excel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="36"/>
        <source>Before a schema upgrade</source>
        <translation>Trước khi nâng cấp lược đồ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="36"/>
        <source>Before a restore</source>
        <translation>Trước khi khôi phục</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="37"/>
        <source>On demand</source>
        <translation>Theo yêu cầu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="38"/>
        <source>Backups are kept in %1. The newest automatic backups are kept; backups made on demand are never deleted.</source>
        <translation>Các bản sao lưu nằm trong %1. Chương trình giữ các bản sao lưu tự động gần nhất; bản sao lưu theo yêu cầu không bao giờ bị xóa.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="44"/>
        <source>Made</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="44"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="44"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="62"/>
        <source>There is no backup of this database yet.</source>
        <translation>Cơ sở dữ liệu này chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="65"/>
        <source>&amp;Restore the selected backup</source>
        <translation>&amp;Khôi phục bản đã chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="68"/>
        <source>&amp;Other file…</source>
        <translation>&amp;Tệp khác…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="91"/>
        <source>SXTDBV database (*.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu SXTDBV (*.db);;Mọi tệp (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="20"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="39"/>
        <source>The language takes effect the next time the program starts.</source>
        <translation>Ngôn ngữ mới có hiệu lực từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="41"/>
        <source>The database is open read-only: its office and backup count cannot be changed.</source>
        <translation>Cơ sở dữ liệu đang mở ở chế độ chỉ đọc: không đổi được đơn vị và số bản sao lưu.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="45"/>
        <source>Interface language:</source>
        <translation>Ngôn ngữ giao diện:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="46"/>
        <source>This computer&apos;s office:</source>
        <translation>Đơn vị của máy này:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="47"/>
        <source>Automatic backups to keep:</source>
        <translation>Số bản sao lưu tự động giữ lại:</translation>
    </message>
</context>
<context>
    <name>SheetPreviewModel</name>
    <message>
        <location filename="../../desktop/ui/exchange/sheet_preview.py" line="104"/>
        <source>Header row: the titles of the columns</source>
        <translation>Dòng tiêu đề: tên các cột</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/sheet_preview.py" line="106"/>
        <source>Above the header (title block): not imported</source>
        <translation>Phía trên dòng tiêu đề (phần đầu văn bản): không nhập</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange/sheet_preview.py" line="108"/>
        <source>Skipped: %1</source>
        <translation>Bỏ qua: %1</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="60"/>
        <source>Survey</source>
        <translation>Khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="61"/>
        <source>Surveyed</source>
        <translation>Đã khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="62"/>
        <source>Not surveyed</source>
        <translation>Chưa khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="67"/>
        <source>Per unit of product</source>
        <translation>Trên đơn vị sản phẩm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="70"/>
        <source>TOE</source>
        <translation>TOE</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="77"/>
        <source>Payback (years)</source>
        <translation>Hoàn vốn (năm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="87"/>
        <source>Consumption</source>
        <translation>Số liệu tiêu thụ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="88"/>
        <source>Proposed solutions</source>
        <translation>Giải pháp đề xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="89"/>
        <source>Selection scores</source>
        <translation>Điểm chọn mô hình</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="99"/>
        <source>Weighted score (0–10)</source>
        <translation>Điểm có trọng số (0–10)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="102"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="109"/>
        <source>Choose as model enterprise</source>
        <translation>Chọn làm doanh nghiệp mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="114"/>
        <source>&lt;b&gt;Criteria and weights&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tiêu chí và trọng số&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="116"/>
        <source>&lt;b&gt;Ranking by weighted score&lt;/b&gt;</source>
        <translation>&lt;b&gt;Xếp hạng theo điểm có trọng số&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="133"/>
        <source>Enterprises</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="134"/>
        <source>Model enterprise</source>
        <translation>Doanh nghiệp mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="135"/>
        <source>Consultation workshop</source>
        <translation>Hội thảo tham vấn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="136"/>
        <source>TOE factors</source>
        <translation>Hệ số quy đổi TOE</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="205"/>
        <source>Choose the model enterprise: %1</source>
        <translation>Chọn doanh nghiệp mẫu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="40"/>
        <location filename="../../desktop/ui/pages/survey.py" line="144"/>
        <source>Pilot survey</source>
        <translation>Khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="182"/>
        <source>not chosen yet</source>
        <translation>chưa chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="183"/>
        <source>Enterprises surveyed: %1 / target %2 — model enterprise: %3</source>
        <translation>Doanh nghiệp đã khảo sát: %1 / chỉ tiêu %2 — doanh nghiệp mẫu: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="191"/>
        <source>Select an enterprise in the ranking first.</source>
        <translation>Hãy chọn một doanh nghiệp trong bảng xếp hạng trước.</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="74"/>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="78"/>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="94"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="95"/>
        <source>Lead agency</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="107"/>
        <source>Collapse / expand</source>
        <translation>Thu gọn / mở rộng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="121"/>
        <source>Bars from the start to the deadline (or over the planned quarters); the mark is the deadline; red: overdue; the vertical line is today.</source>
        <translation>Thanh kéo từ ngày bắt đầu đến hạn hoàn thành (hoặc theo các quý dự kiến); vạch đậm là hạn; màu đỏ: quá hạn; đường dọc là hôm nay.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="125"/>
        <source>Print the timeline…</source>
        <translation>In tiến độ theo quý…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="134"/>
        <source>Outline</source>
        <translation>Dàn ý nhiệm vụ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="135"/>
        <location filename="../../desktop/ui/pages/tasks.py" line="227"/>
        <source>Quarter timeline</source>
        <translation>Tiến độ theo quý</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="136"/>
        <source>Collapse all</source>
        <translation>Thu gọn tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="137"/>
        <source>Expand all</source>
        <translation>Mở rộng tất cả</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="139"/>
        <source>Content items show or hide their activities (← and → on a row)</source>
        <translation>Nội dung hiện hoặc ẩn các hoạt động của nó (phím ← và → trên một dòng)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="247"/>
        <source>Quarter timeline of the tasks</source>
        <translation>Tiến độ thực hiện nhiệm vụ theo quý</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="37"/>
        <location filename="../../desktop/ui/pages/tasks.py" line="145"/>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="43"/>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="44"/>
        <source>Organisation kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="62"/>
        <source>Participants</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="63"/>
        <source>Materials handed out</source>
        <translation>Tài liệu đã phát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/page_switcher.py" line="39"/>
        <location filename="../../desktop/ui/pages/training.py" line="78"/>
        <source>Training</source>
        <translation>Đào tạo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="114"/>
        <source>Add a course, then its participants.</source>
        <translation>Hãy thêm lớp tập huấn, rồi thêm học viên.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="139"/>
        <source>Computing the figures…</source>
        <translation>Đang tính các số liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="144"/>
        <source>not given</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="151"/>
        <source>Participants: %1 / target %2</source>
        <translation>Học viên: %1 / chỉ tiêu %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="153"/>
        <source>attended: %1</source>
        <translation>có mặt: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="154"/>
        <source>By organisation kind: %1</source>
        <translation>Theo loại đơn vị: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="155"/>
        <source>By gender: %1</source>
        <translation>Theo giới tính: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="156"/>
        <source>Average score before: %1, after: %2; satisfaction: %3 / 5</source>
        <translation>Điểm trung bình trước tập huấn: %1, sau tập huấn: %2; mức hài lòng: %3 / 5</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../desktop/ui/undo.py" line="43"/>
        <source>Add %1</source>
        <translation>Thêm %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo.py" line="57"/>
        <source>Edit %1</source>
        <translation>Sửa %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo.py" line="72"/>
        <source>Delete %1</source>
        <translation>Xóa %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo.py" line="93"/>
        <source>Paste %1</source>
        <translation>Dán %1</translation>
    </message>
</context>
<context>
    <name>_PreviewDialog</name>
    <message>
        <location filename="../../desktop/ui/agency_list_dialogs.py" line="59"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>
