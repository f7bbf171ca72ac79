"""Write resources/i18n/qtbase_vi.ts: our Vietnamese translation of the Qt strings our dialogs show.

Qt ships no Vietnamese translation of its own strings (no qtbase_vi.qm), so the standard buttons and the file,
message, input and print(-preview) dialogs would stay English. The source strings were listed from Qt's own
qtbase_fr.qm with scripts/qm_dump.py. Run `make translations` afterwards to compile the .qm.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

VI: dict[str, dict[str, str]] = {
    "QPlatformTheme": {
        "&No": "&Không", "&Yes": "&Có", "Abort": "Hủy bỏ", "Apply": "Áp dụng", "Cancel": "Hủy", "Close": "Đóng",
        "Discard": "Bỏ thay đổi", "Help": "Trợ giúp", "Ignore": "Bỏ qua", "N&o to All": "Không với tất &cả",
        "OK": "Đồng ý", "Open": "Mở", "Reset": "Đặt lại", "Restore Defaults": "Khôi phục mặc định",
        "Retry": "Thử lại", "Save": "Lưu", "Save All": "Lưu tất cả", "Yes to &All": "Có với &tất cả",
        "Don't Save": "Không lưu",
    },
    "QDialogButtonBox": {"OK": "Đồng ý"},
    "QMessageBox": {
        "About Qt": "Về Qt", "Hide Details...": "Ẩn chi tiết…", "Show Details...": "Xem chi tiết…",
        "<h3>About Qt</h3><p>This program uses Qt version %1.</p>":
            "<h3>Về Qt</h3><p>Chương trình này dùng Qt phiên bản %1.</p>",
    },
    "QInputDialog": {"Enter a value:": "Nhập một giá trị:"},
    "QAbstractSpinBox": {"&Select All": "Chọn &tất cả", "&Step up": "&Tăng", "Step &down": "&Giảm"},
    "QErrorMessage": {
        "&OK": "Đồng &ý", "&Show this message again": "&Hiện lại thông báo này", "Critical Error:": "Lỗi nghiêm trọng:",
        "Debug Message:": "Thông báo gỡ lỗi:", "Fatal Error:": "Lỗi nặng:", "Information:": "Thông tin:",
        "Warning:": "Cảnh báo:",
    },
    "QLineEdit": {
        "&Copy": "&Sao chép", "&Paste": "&Dán", "&Redo": "&Làm lại", "&Undo": "&Hoàn tác", "Cu&t": "&Cắt",
        "Delete": "Xóa", "Select All": "Chọn tất cả",
    },
    "QWidgetTextControl": {
        "&Copy": "&Sao chép", "&Paste": "&Dán", "&Redo": "&Làm lại", "&Undo": "&Hoàn tác", "Cu&t": "&Cắt",
        "Delete": "Xóa", "Select All": "Chọn tất cả", "Copy &Link Location": "Sao chép địa chỉ &liên kết",
    },
    "QUndoStack": {"Redo": "Làm lại", "Redo %1": "Làm lại %1", "Undo": "Hoàn tác", "Undo %1": "Hoàn tác %1"},
    "QUndoModel": {"<empty>": "<trống>"},
    "QFileDialog": {
        "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
            "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục.",
        "%1\nFile not found.\nPlease verify the correct file name was given.":
            "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
        "%1 File": "Tệp %1",
        "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nBạn có muốn thay thế không?",
        "&Choose": "&Chọn", "&Delete": "&Xóa", "&New Folder": "Thư mục &mới", "&Open": "&Mở", "&Rename": "Đổi &tên",
        "&Save": "&Lưu", "'%1' is write protected.\nDo you want to delete it anyway?":
            "“%1” đang được bảo vệ chống ghi.\nBạn vẫn muốn xóa?",
        "Alias": "Bí danh", "All Files (*)": "Mọi tệp (*)", "All files (*)": "Mọi tệp (*)",
        "Are you sure you want to delete '%1'?": "Bạn có chắc muốn xóa “%1”?", "Back": "Lùi",
        "Change to detail view mode": "Chuyển sang xem chi tiết",
        "Change to list view mode": "Chuyển sang xem danh sách",
        "Could not delete directory.": "Không xóa được thư mục.", "Create New Folder": "Tạo thư mục mới",
        "Create a New Folder": "Tạo một thư mục mới", "Delete": "Xóa", "Detail View": "Xem chi tiết",
        "Directories": "Thư mục", "Directory:": "Thư mục:", "Drive": "Ổ đĩa", "File": "Tệp", "File &name:": "&Tên tệp:",
        "File Folder": "Thư mục", "Files": "Tệp", "Files of type:": "Loại tệp:", "Find Directory": "Tìm thư mục",
        "Folder": "Thư mục", "Forward": "Tiến", "Go back": "Quay lại", "Go forward": "Đi tiếp",
        "Go to the parent directory": "Lên thư mục cha", "List View": "Xem danh sách",
        "List of places and bookmarks": "Danh sách nơi lưu và dấu trang", "Look in:": "Tìm trong:",
        "My Computer": "Máy tính", "New Folder": "Thư mục mới", "Open": "Mở", "Parent Directory": "Thư mục cha",
        "Recent Places": "Nơi dùng gần đây", "Remove": "Gỡ bỏ", "Save As": "Lưu thành", "Shortcut": "Lối tắt",
        "Show ": "Hiện ", "Show &hidden files": "Hiện tệp ẩ&n", "Sidebar": "Thanh bên", "Unknown": "Không rõ",
    },
    "QFileSystemModel": {
        "<b>The name \"%1\" cannot be used.</b><p>Try using another name, with fewer characters or no punctuation "
        "marks.": "<b>Không dùng được tên “%1”.</b><p>Hãy dùng tên khác, ngắn hơn hoặc không có dấu câu.",
        "Computer": "Máy tính", "Date Modified": "Ngày sửa", "Invalid filename": "Tên tệp không hợp lệ",
        "Kind": "Loại", "My Computer": "Máy tính", "Name": "Tên", "Size": "Kích thước", "Type": "Kiểu",
    },
    "QPrintPreviewDialog": {
        "%1%": "%1%", "Export to PDF": "Xuất ra PDF", "First page": "Trang đầu", "Fit page": "Vừa trang",
        "Fit width": "Vừa chiều rộng", "Landscape": "Trang ngang", "Last page": "Trang cuối",
        "Next page": "Trang sau", "Page Setup": "Thiết lập trang", "Page setup": "Thiết lập trang",
        "Portrait": "Trang dọc", "Previous page": "Trang trước", "Print": "In", "Print Preview": "Xem trước khi in",
        "Show facing pages": "Xem hai trang đối diện", "Show overview of all pages": "Xem tổng quan mọi trang",
        "Show single page": "Xem từng trang", "Zoom in": "Phóng to", "Zoom out": "Thu nhỏ",
    },
    "QPrintDialog": {
        "%1 already exists.\nDo you want to overwrite it?": "%1 đã có.\nBạn có muốn ghi đè không?",
        "%1 is a directory.\nPlease choose a different file name.": "%1 là thư mục.\nHãy chọn tên tệp khác.",
        "&Options <<": "&Tùy chọn <<", "&Options >>": "&Tùy chọn >>", "&Print": "&In", "All Pages": "Mọi trang",
        "Even Pages": "Trang chẵn", "Odd Pages": "Trang lẻ", "Local file": "Tệp trên máy",
        "File %1 is not writable.\nPlease choose a different file name.":
            "Không ghi được tệp %1.\nHãy chọn tên tệp khác.",
        "Invalid Pages Definition": "Khai báo trang không hợp lệ", "OK": "Đồng ý", "Print": "In",
        "Print To File ...": "In ra tệp…", "Print to File (PDF)": "In ra tệp (PDF)",
        "The 'From' value cannot be greater than the 'To' value.": "Giá trị “Từ” không được lớn hơn giá trị “Đến”.",
        "Write PDF file": "Ghi tệp PDF",
    },
    "QPrintWidget": {
        "&Name:": "&Tên:", "...": "…", "Form": "Biểu mẫu", "Location:": "Vị trí:", "Output &file:": "&Tệp kết quả:",
        "P&roperties": "&Thuộc tính", "Preview": "Xem trước", "Printer": "Máy in", "Type:": "Loại:",
    },
    "QPrintSettingsOutput": {
        "Collate": "Sắp theo bộ", "Color": "Màu", "Color Mode": "Chế độ màu", "Copies": "Số bản", "Copies:": "Số bản:",
        "Current Page": "Trang hiện tại", "Double Sided Printing": "In hai mặt", "Form": "Biểu mẫu",
        "Grayscale": "Thang xám", "Long side binding": "Đóng gáy cạnh dài", "Off": "Tắt", "Options": "Tùy chọn",
        "Output Settings": "Thiết lập in", "Page Set:": "Nhóm trang:", "Pages": "Trang", "Pages from": "Từ trang",
        "Print all": "In tất cả", "Print range": "Phạm vi in", "Reverse": "Đảo thứ tự", "Selection": "Phần chọn",
        "Short side binding": "Đóng gáy cạnh ngắn", "to": "đến",
    },
    "QPageSetupWidget": {
        "Custom": "Tùy chỉnh", "Form": "Biểu mẫu", "Height:": "Chiều cao:", "Landscape": "Trang ngang",
        "Margins": "Lề", "Millimeters (mm)": "Mi-li-mét (mm)", "Orientation": "Hướng giấy",
        "Page Layout": "Bố cục trang", "Page order:": "Thứ tự trang:", "Page size:": "Khổ giấy:",
        "Pages per sheet:": "Số trang mỗi tờ:", "Paper": "Giấy", "Paper source:": "Khay giấy:",
        "Portrait": "Trang dọc", "Reverse landscape": "Ngang đảo", "Reverse portrait": "Dọc đảo",
        "Width:": "Chiều rộng:",
        "bottom margin": "lề dưới", "left margin": "lề trái", "right margin": "lề phải", "top margin": "lề trên",
        "Inches (in)": "In-sơ (in)", "Points (pt)": "Điểm (pt)",
    },
}


def write_ts(path: Path) -> int:
    """Write the .ts file; returns the number of messages."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="vi_VN">']
    count = 0
    for context, messages in VI.items():
        lines += ["<context>", f"    <name>{context}</name>"]
        for source, translation in messages.items():
            lines += ["    <message>", f"        <source>{escape(source)}</source>",
                      f"        <translation>{escape(translation)}</translation>", "    </message>"]
            count += 1
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return count


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "qtbase_vi.ts"
    print(f"{write_ts(target)} messages -> {target}")
