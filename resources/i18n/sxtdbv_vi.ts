<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AgenciesPage</name>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="23" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/agencies.py" line="29" />
        <source>Agencies</source>
        <translation>Đơn vị</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="36" />
        <source>Disbursed (VND)</source>
        <translation>Đã giải ngân (đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="38" />
        <source>Execution</source>
        <translation>Tỷ lệ giải ngân</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="52" />
        <source>&lt;b&gt;Disbursements of the selected line&lt;/b&gt;</source>
        <translation>&lt;b&gt;Các lần giải ngân của khoản đang chọn&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="64" />
        <source>Budget</source>
        <translation>Kinh phí</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="86" />
        <source>Total of the lines: &lt;b&gt;%1&lt;/b&gt; VND — plan total: &lt;b&gt;%2&lt;/b&gt; VND — </source>
        <translation>Tổng các khoản dự toán: &lt;b&gt;%1&lt;/b&gt; đồng — tổng kinh phí kế hoạch: &lt;b&gt;%2&lt;/b&gt; đồng — </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="89" />
        <source>matches the plan</source>
        <translation>khớp với kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="90" />
        <source>difference: %1 VND</source>
        <translation>chênh lệch: %1 đồng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/budget.py" line="92" />
        <source>Disbursed: %1 VND (%2); remaining: %3 VND</source>
        <translation>Đã giải ngân: %1 đồng (%2); còn lại: %3 đồng</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="49" />
        <source>Average progress of the activities</source>
        <translation>Tiến độ trung bình của các hoạt động</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="50" />
        <source>Budget disbursed of the allocated lines</source>
        <translation>Tỷ lệ giải ngân so với dự toán</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="51" />
        <source>Training participants / target</source>
        <translation>Học viên tập huấn / chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="52" />
        <source>Enterprises surveyed / target</source>
        <translation>Doanh nghiệp đã khảo sát / chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="83" />
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="99" />
        <source>%1 activities, %2 done, %3 overdue</source>
        <translation>%1 hoạt động, %2 hoàn thành, %3 quá hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="105" />
        <source>Allocated %1 of %2 VND; disbursed %3; remaining %4</source>
        <translation>Dự toán %1 / %2 đồng; đã giải ngân %3; còn lại %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/pages/dashboard.py" line="110" />
        <source>%n course(s)</source>
        <translation>
            <numerusform>%n lớp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="114" />
        <source>Model enterprise: %1</source>
        <translation>Doanh nghiệp mẫu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="115" />
        <source>not chosen yet</source>
        <translation>chưa chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="119" />
        <source>&lt;b&gt;Overdue tasks (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nhiệm vụ quá hạn (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="124" />
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="125" />
        <source>&lt;b&gt;Offices that have not reported (%1)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Đơn vị chưa gửi báo cáo (%1)&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="139" />
        <source>Activities by status</source>
        <translation>Hoạt động theo tình trạng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="152" />
        <source>Budget (million VND)</source>
        <translation>Kinh phí (triệu đồng)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="155" />
        <source>million VND</source>
        <translation>triệu đồng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="161" />
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="161" />
        <source>Allocated</source>
        <translation>Dự toán</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/dashboard.py" line="161" />
        <source>Disbursed</source>
        <translation>Đã giải ngân</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/forms/entity_dialog.py" line="133" />
        <source>Not saved: %n field(s) need correcting.</source>
        <translation>
            <numerusform>Chưa lưu: có %n ô cần sửa.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/entity_dialog.py" line="143" />
        <source>Discard changes?</source>
        <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/forms/entity_dialog.py" line="143" />
        <source>The changes you typed have not been saved. Discard them?</source>
        <translation>Những gì bạn vừa nhập chưa được lưu. Bỏ các thay đổi này?</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="95" />
        <source>Yes</source>
        <translation>Có</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/ui/help.py" line="15" />
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help.py" line="20" />
        <source>The guide is missing.</source>
        <translation>Không tìm thấy tài liệu hướng dẫn.</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="92" />
        <source>&amp;Add</source>
        <translation>&amp;Thêm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="94" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="96" />
        <source>De&amp;lete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="103" />
        <source>Search (accents optional)…</source>
        <translation>Tìm kiếm (gõ có dấu hoặc không dấu)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="201" />
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/list_panel.py" line="221" />
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n dòng</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="223" />
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 dòng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="261" />
        <source>Edit: %1</source>
        <translation>Sửa: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="261" />
        <source>Add: %1</source>
        <translation>Thêm: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="309" />
        <location filename="../../desktop/ui/widgets/list_panel.py" line="317" />
        <location filename="../../desktop/ui/widgets/list_panel.py" line="326" />
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/widgets/list_panel.py" line="309" />
        <source>Delete “%1”?</source>
        <translation>Xóa “%1”?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/widgets/list_panel.py" line="318" />
        <source>%n other row(s) depend on “%1” and will be deleted with it. Continue?</source>
        <translation>
            <numerusform>Có %n dòng khác gắn với “%1” và sẽ bị xóa theo. Tiếp tục?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="91" />
        <source>New plan &amp;year…</source>
        <translation>Kế hoạch năm &amp;mới…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="92" />
        <source>Copy this plan into a new year</source>
        <translation>Sao chép kế hoạch này sang một năm mới</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="93" />
        <source>&amp;Open database…</source>
        <translation>&amp;Mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="95" />
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="96" />
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="98" />
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="100" />
        <source>&amp;Find</source>
        <translation>&amp;Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="101" />
        <source>User &amp;guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="103" />
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="112" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118" />
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="122" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="124" />
        <source>&amp;Reports</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="125" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128" />
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="137" />
        <source>Plan year:</source>
        <translation>Năm kế hoạch:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="199" />
        <source>All changes saved (%1)</source>
        <translation>Đã lưu mọi thay đổi (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="204" />
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="205" />
        <source>All changes saved</source>
        <translation>Đã lưu mọi thay đổi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="223" />
        <location filename="../../desktop/ui/main_window.py" line="233" />
        <source>New plan year</source>
        <translation>Kế hoạch năm mới</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="224" />
        <source>Copy the plan of %1 (tasks, responsibilities, indicators with their targets, budget lines) into the year:</source>
        <translation>Sao chép kế hoạch năm %1 (nhiệm vụ, tổ chức thực hiện, chỉ tiêu, dự toán kinh phí) sang năm:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="239" />
        <source>The plan of %1 was created.</source>
        <translation>Đã tạo kế hoạch năm %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="244" />
        <location filename="../../desktop/ui/main_window.py" line="254" />
        <source>Open database</source>
        <translation>Mở cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="245" />
        <source>SXTDBV database (*.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu SXTDBV (*.db);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="274" />
        <source>About SXTDBV</source>
        <translation>Giới thiệu SXTDBV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="275" />
        <source>&lt;b&gt;SXTDBV&lt;/b&gt; version %1&lt;br&gt;Sustainable production and consumption plan — Department of Industry and Trade of Đồng Nai.&lt;br&gt;Works offline; data is kept in a local database.</source>
        <translation>&lt;b&gt;SXTDBV&lt;/b&gt; phiên bản %1&lt;br&gt;Kế hoạch sản xuất và tiêu dùng bền vững — Sở Công Thương tỉnh Đồng Nai.&lt;br&gt;Làm việc không cần mạng; dữ liệu lưu trên máy.</translation>
    </message>
</context>
<context>
    <name>OfficeReports</name>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="24" />
        <source>Submitted on time</source>
        <translation>Đã nộp đúng hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="25" />
        <source>Submitted late</source>
        <translation>Nộp muộn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="26" />
        <source>Not yet due</source>
        <translation>Chưa đến hạn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="27" />
        <source>Overdue, not submitted</source>
        <translation>Quá hạn, chưa nộp</translation>
    </message>
</context>
<context>
    <name>OfficeReportsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="44" />
        <location filename="../../desktop/ui/pages/office_reports.py" line="46" />
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="49" />
        <source>Office</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="62" />
        <source>Office reports</source>
        <translation>Báo cáo đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/office_reports.py" line="74" />
        <source>%1 reports: %2 on time, %3 late, %4 not yet due, %5 overdue and missing</source>
        <translation>%1 báo cáo: %2 đúng hạn, %3 nộp muộn, %4 chưa đến hạn, %5 quá hạn chưa nộp</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="39" />
        <source>Edit plan details…</source>
        <translation>Sửa thông tin kế hoạch…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="61" />
        <source>&lt;b&gt;Indicators of the selected objective&lt;/b&gt; (target vs actual)</source>
        <translation>&lt;b&gt;Chỉ tiêu của mục tiêu đang chọn&lt;/b&gt; (kế hoạch và thực hiện)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="70" />
        <source>Legal bases</source>
        <translation>Căn cứ pháp lý</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="71" />
        <source>Objectives and indicators</source>
        <translation>Mục tiêu và chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="72" />
        <source>Responsibilities</source>
        <translation>Tổ chức thực hiện</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="81" />
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/plan.py" line="104" />
        <source>Plan details</source>
        <translation>Thông tin kế hoạch</translation>
    </message>
</context>
<context>
    <name>QuartersEditor</name>
    <message>
        <location filename="../../desktop/ui/forms/editors.py" line="213" />
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="57" />
        <source>Survey</source>
        <translation>Khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="58" />
        <source>Surveyed</source>
        <translation>Đã khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="59" />
        <source>Not surveyed</source>
        <translation>Chưa khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="64" />
        <source>Per unit of product</source>
        <translation>Trên đơn vị sản phẩm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="67" />
        <source>TOE</source>
        <translation>TOE</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="74" />
        <source>Payback (years)</source>
        <translation>Hoàn vốn (năm)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="84" />
        <source>Consumption</source>
        <translation>Số liệu tiêu thụ</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="85" />
        <source>Proposed solutions</source>
        <translation>Giải pháp đề xuất</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="86" />
        <source>Selection scores</source>
        <translation>Điểm chọn mô hình</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="96" />
        <source>Weighted score (0–10)</source>
        <translation>Điểm có trọng số (0–10)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="99" />
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="106" />
        <source>Choose as model enterprise</source>
        <translation>Chọn làm doanh nghiệp mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="111" />
        <source>&lt;b&gt;Criteria and weights&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tiêu chí và trọng số&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="113" />
        <source>&lt;b&gt;Ranking by weighted score&lt;/b&gt;</source>
        <translation>&lt;b&gt;Xếp hạng theo điểm có trọng số&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="130" />
        <source>Enterprises</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="131" />
        <source>Model enterprise</source>
        <translation>Doanh nghiệp mẫu</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="132" />
        <source>Consultation workshop</source>
        <translation>Hội thảo tham vấn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="133" />
        <source>TOE factors</source>
        <translation>Hệ số quy đổi TOE</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="143" />
        <source>Pilot survey</source>
        <translation>Khảo sát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="171" />
        <source>not chosen yet</source>
        <translation>chưa chọn</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="172" />
        <source>Enterprises surveyed: %1 / target %2 — model enterprise: %3</source>
        <translation>Doanh nghiệp đã khảo sát: %1 / chỉ tiêu %2 — doanh nghiệp mẫu: %3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/survey.py" line="180" />
        <source>Select an enterprise in the ranking first.</source>
        <translation>Hãy chọn một doanh nghiệp trong bảng xếp hạng trước.</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="41" />
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="45" />
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="58" />
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="59" />
        <source>Lead agency</source>
        <translation>Đơn vị chủ trì</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/tasks.py" line="71" />
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
</context>
<context>
    <name>TrainingPage</name>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="39" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="40" />
        <source>Organisation kind</source>
        <translation>Loại đơn vị</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="53" />
        <source>Participants</source>
        <translation>Học viên</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="54" />
        <source>Materials handed out</source>
        <translation>Tài liệu đã phát</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="69" />
        <source>Training</source>
        <translation>Đào tạo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="88" />
        <source>Add a course, then its participants.</source>
        <translation>Hãy thêm lớp tập huấn, rồi thêm học viên.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="91" />
        <source>not given</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="98" />
        <source>Participants: %1 / target %2</source>
        <translation>Học viên: %1 / chỉ tiêu %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="100" />
        <source>attended: %1</source>
        <translation>có mặt: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="101" />
        <source>By organisation kind: %1</source>
        <translation>Theo loại đơn vị: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="102" />
        <source>By gender: %1</source>
        <translation>Theo giới tính: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pages/training.py" line="103" />
        <source>Average score before: %1, after: %2; satisfaction: %3 / 5</source>
        <translation>Điểm trung bình trước tập huấn: %1, sau tập huấn: %2; mức hài lòng: %3 / 5</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../desktop/ui/undo.py" line="43" />
        <source>Add %1</source>
        <translation>Thêm %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo.py" line="57" />
        <source>Edit %1</source>
        <translation>Sửa %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/undo.py" line="71" />
        <source>Delete %1</source>
        <translation>Xóa %1</translation>
    </message>
</context>
</TS>