"""What every API view shares: the caller, the JSON body, errors, paging."""
from __future__ import annotations

from flask import g, jsonify, request
from werkzeug.exceptions import HTTPException

from ..auth import tokens
from ..services.errors import Invalid, ServiceError

STATUS_TEXT = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
               405: "Method Not Allowed", 409: "Conflict", 415: "Unsupported Media Type",
               422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error"}


def error_response(code: int, message: str, errors: dict | None = None, **extra):
    body = {"code": code, "status": STATUS_TEXT.get(code, ""), "message": message}
    if errors:
        body["errors"] = errors
    body.update(extra)
    response = jsonify(body)
    response.status_code = code
    if code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response


def authenticate():
    """before_request hook: the bearer token names the caller, or the answer is 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    user = tokens.user_for(token.strip()) if scheme.lower() == "bearer" else None
    if user is None:
        return error_response(401, "Chưa đăng nhập hoặc mã truy cập không hợp lệ.")
    g.user = user
    return None


def current_user():
    return g.user


def json_body() -> dict:
    """The request's JSON object: 400 when it is not JSON, 422 when it is not an object."""
    data = request.get_json(silent=True, force=True) if request.get_data() else {}
    if data is None and request.get_data().strip() != b"null":     # `null` is JSON, not an object
        raise ServiceError("JSON không hợp lệ.")
    if not isinstance(data, dict):
        raise Invalid("Dữ liệu phải là một đối tượng JSON.", {"json": {"_schema": ["Dữ liệu phải là một đối tượng JSON."]}})
    return data


def page_args() -> tuple[int, int]:
    errors = {}
    values = {}
    for name, default, top in (("page", 1, 100000), ("per_page", 20, 200)):
        raw = request.args.get(name, default)
        try:
            values[name] = int(raw)
            if not 1 <= values[name] <= top:
                raise ValueError
        except (TypeError, ValueError):
            errors[name] = [f"Giá trị phải là số nguyên từ 1 đến {top}."]
    if errors:
        raise Invalid("Tham số không hợp lệ.", {"query": errors})
    return values["page"], values["per_page"]


def paged(items: list, total: int):
    response = jsonify(items)
    response.headers["X-Total-Count"] = str(total)
    return response


def register_error_handlers(app):
    @app.errorhandler(ServiceError)
    def on_service_error(exc: ServiceError):
        errors = exc.errors
        if errors and "problems" in errors:
            return error_response(exc.status, exc.message, problems=errors["problems"])
        return error_response(exc.status, exc.message, errors)

    @app.errorhandler(HTTPException)
    def on_http_error(exc: HTTPException):
        if not request.path.startswith("/api/"):
            return _page_error(exc.code or 500)
        data = getattr(exc, "data", None) or {}
        messages = data.get("messages")
        if exc.code == 422 and messages:
            return error_response(422, "Dữ liệu không hợp lệ.", messages)
        return error_response(exc.code or 500, _vietnamese(exc.code) or exc.description)

    @app.errorhandler(Exception)
    def on_unexpected(exc: Exception):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if not request.path.startswith("/api/"):
            return _page_error(500)
        return error_response(500, "Lỗi hệ thống. Thao tác không được thực hiện.")


def _vietnamese(code: int | None) -> str | None:
    return {400: "Yêu cầu không hợp lệ.", 404: "Không tìm thấy.", 405: "Phương thức không được hỗ trợ.",
            415: "Kiểu nội dung không được hỗ trợ.", 413: "Nội dung quá lớn."}.get(code)


PAGE_ERRORS = {
    400: ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và thử lại."),
    403: ("Không có quyền", "Bạn không có quyền thực hiện thao tác này."),
    404: ("Không tìm thấy", "Trang hoặc hồ sơ không tồn tại, hoặc bạn không có quyền xem."),
    405: ("Không hỗ trợ", "Thao tác không được hỗ trợ."),
    413: ("Tệp quá lớn", "Tệp tải lên vượt quá dung lượng cho phép."),
    500: ("Lỗi hệ thống", "Đã có lỗi; thao tác không được thực hiện. Hãy thử lại sau."),
}


def _page_error(code: int):
    from flask import render_template
    title, message = PAGE_ERRORS.get(code, (str(code), ""))
    return render_template("error.html", title=title, message=message), code
