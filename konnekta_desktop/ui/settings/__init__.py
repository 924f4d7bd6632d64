"""The settings window as a package: `dialog.SettingsDialog` shows one tab per module
(`connection`, `numbers`, `states` with its `template_editor`, `mappings`, `calling`,
`appointments`), all built on `page.SettingsPage`, and validates and applies them together.

Option fields are applied by the window; templates and appointments are saved to the store as soon
as they are added, changed or removed. `fields`, `labels` and `common` are the pieces the pages
share (`common` also serves the wrap-up dialog).
"""
