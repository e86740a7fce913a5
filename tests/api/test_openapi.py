"""GET /api/v1/openapi.json: public, and it describes every endpoint of the contract."""
from __future__ import annotations

CONTRACT = {
    "/api/v1/auth/token": {"post"},
    "/api/v1/me": {"get"},
    "/api/v1/agencies": {"get"},
    "/api/v1/process-models": {"get"},
    "/api/v1/process-models/{model_id}": {"get"},
    "/api/v1/process-models/{model_id}/versions": {"get", "post"},
    "/api/v1/process-models/{model_id}/versions/{version}/bpmn": {"get"},
    "/api/v1/process-instances": {"get", "post"},
    "/api/v1/process-instances/{instance_id}": {"get"},
    "/api/v1/process-instances/{instance_id}/cancel": {"post"},
    "/api/v1/process-instances/{instance_id}/reveal": {"post"},
    "/api/v1/process-instances/{instance_id}/history": {"get"},
    "/api/v1/tasks": {"get"},
    "/api/v1/tasks/{task_id}": {"get"},
    "/api/v1/tasks/{task_id}/claim": {"post"},
    "/api/v1/tasks/{task_id}/release": {"post"},
    "/api/v1/tasks/{task_id}/assign": {"post"},
    "/api/v1/tasks/{task_id}/complete": {"post"},
    "/api/v1/audit/events": {"get"},
    "/api/v1/audit/verify": {"get"},
}


def test_openapi_needs_no_token_and_lists_every_path(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["version"] == "v1"
    assert "183-QĐ/TW" in spec["info"]["title"]
    paths = spec["paths"]
    missing = {path for path in CONTRACT if path not in paths}
    assert not missing
    for path, methods in CONTRACT.items():
        assert methods <= set(paths[path]), path
    assert spec["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer"}


def test_openapi_documents_the_bodies(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    token_body = paths["/api/v1/auth/token"]["post"]["requestBody"]["content"]
    assert "application/json" in token_body
    deploy_body = paths["/api/v1/process-models/{model_id}/versions"]["post"]["requestBody"]["content"]
    assert "application/xml" in deploy_body
    assert "201" in paths["/api/v1/process-instances"]["post"]["responses"]
