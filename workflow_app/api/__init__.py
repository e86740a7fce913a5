"""The JSON API, version 1 (flask-smorest; OpenAPI at /api/v1/openapi.json)."""
from __future__ import annotations

from flask_smorest import Api

from .common import register_error_handlers


def register(app) -> Api:
    from . import audit, auth, casefile, instances, process_models, reference, tasks
    from . import reports
    from . import documents
    from . import designer
    from . import attachments
    from . import report_exports
    api = Api(app)
    api.spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    api.spec.options["security"] = [{"bearer": []}]          # every operation but the token one
    for module in (auth, reference, process_models, instances, tasks, casefile, audit, documents, reports, report_exports, attachments, designer):
        api.register_blueprint(module.blp, url_prefix="/api/v1")
    register_error_handlers(app)

    @app.get("/api/docs")
    def api_docs():
        """Swagger UI from the npm package (scripts/copy-assets.sh), no CDN, no inline script."""
        from flask import render_template
        return render_template("apidocs.html")
    return api
