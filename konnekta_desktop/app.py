"""The Qt composition root: QApplication, the qasync loop, and the switchboard's staged start and stop.

Start-up stages, each logged, in order: session (settings, store, connector; the simulator in
--demo), bridge, window, tray and notifications, single-instance server, pending wrap-ups, connect,
start at login. When the settings are incomplete (the first run), the session does not connect and
the Settings window opens on the Connection tab; its OK connects. `close()` undoes the stages in
reverse, the single-instance server last (`--quit` waits for it to go). The app runs until
`quit_requested` (one future) resolves: from Quit, from closing the window when there is no tray,
from Ctrl+C, or from a later launch's `--quit`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import signal
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, Final

import qasync
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from .domain.refusals import WentWrong, Why
from .settings import Settings
from .ui.bridge import AppSession, Bridge
from .ui.icons import app_icon
from .ui.link_opener import LinkOpener
from .ui.network_watch import NetworkWatch
from .ui.refusal_words import words
from .ui.single_instance import SingleInstance, instance_key
from .ui.switchboard import APP_NAME, MainWindow
from .ui.tray import Notifier, Tray

if TYPE_CHECKING:
    from .runtime import LaunchOptions

log = logging.getLogger(__name__)

__all__ = ["QUIT_ARGUMENT", "SessionFactory", "SwitchboardApp", "run_gui"]

SessionFactory = Callable[[], Awaitable[AppSession]]

QUIT_ARGUMENT: Final = "--quit"
"""Handed over by a later launch (`packaging/launcher.py --quit`, which the Windows installer and
uninstaller run): the running switchboard quits, where closing its window only hides it to the
tray."""


class SwitchboardApp:
    """Builds the switchboard around one session and takes it down again, stage by stage."""

    def __init__(
        self,
        session_factory: SessionFactory,
        *,
        instance: SingleInstance | None = None,
        use_tray: bool | None = None,
        arguments: Sequence[str] = (),
        language: str | None = None,
        start_at_login: Callable[[bool], None] | None = None,
        open_links: bool | None = None,
        links: LinkOpener | None = None,
        installed: bool | None = None,
    ) -> None:
        """`language` ("en", "da") overrides the language setting (screenshots, tests).
        `open_links` follows links opened as file-open events (default: on macOS only); `links`
        is a `LinkOpener` listening since the QApplication was created (as `run_gui` does).
        `start_at_login(enabled)` turns the system's login item on or off (the real one is
        `autostart.apply_start_at_login`; None leaves the login item alone, as tests do).
        `installed`: this is an installed (frozen) build, which the login item should start
        (default: `sys.frozen`)."""
        self._session_factory = session_factory
        self._start_at_login = start_at_login
        self._installed = bool(getattr(sys, "frozen", False)) if installed is None else installed
        self._language = language
        self.instance = instance
        self._use_tray = use_tray
        self._arguments = list(arguments)
        self.session: AppSession | None = None
        self.bridge: Bridge | None = None
        self.window: MainWindow | None = None
        self.notifier: Notifier | None = None
        self.tray: Tray | None = None
        self.network: NetworkWatch | None = None
        # macOS hands links over as events (elsewhere they are arguments), maybe before the window
        # exists, so the filter goes in now unless it is in already. Only there: it sees every
        # event of the application.
        if links is not None:
            self.links = links
        elif _follows_links(open_links):
            qapp = QApplication.instance()
            assert qapp is not None, "the QApplication comes first"
            self.links = LinkOpener.listen(qapp)
        else:
            self.links = LinkOpener()
        self.quit_requested: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._closers: list[tuple[str, Callable[[], object]]] = []
        self.keep_alive: list[object] = []  # Qt objects that must live as long as the app

    def request_quit(self, code: int = 0) -> None:
        if not self.quit_requested.done():
            log.info("Quit requested")
            self.quit_requested.set_result(code)

    async def boot(self) -> None:
        if self.instance is not None:
            # Closed last: a `--quit` launch (the installers) waits until nobody answers there.
            self._closers.append(("single-instance server", self.instance.close))
        session = await self._stage("session", self._session_factory())
        self.session = session
        self._closers.append(("session", session.close))
        self._install_language(session, self._language)

        self._log_stage("bridge")
        bridge = self.bridge = Bridge(session)
        bridge.attach()
        self._closers.append(("bridge", bridge.detach))

        self._log_stage("window")
        window = self.window = MainWindow(session, bridge)
        if self._start_at_login is not None:
            window.start_at_login = self._start_at_login
        window.quit_requested.connect(self.request_quit)
        self._closers.append(("window", self._close_window))

        self._log_stage("tray and notifications")
        self.notifier = Notifier(session, bridge, window)
        self.notifier.muted = bool(session.settings and session.settings.mute_notifications)
        window.settings_applied.connect(self._follow_settings)
        use_tray = (
            QSystemTrayIcon.isSystemTrayAvailable() if self._use_tray is None else self._use_tray
        )
        if use_tray:
            self.tray = Tray(session, bridge, window, self.notifier)
            self.tray.mute_action.setChecked(self.notifier.muted)
            self.tray.show()
            window.hide_to_tray = True
            self._closers.append(("tray", self.tray.hide))
        else:
            log.info("No system tray: the window is the app, and closing it quits")
        window.show()

        if self.instance is not None:
            self._log_stage("single-instance server")
            self.instance.arguments_received.connect(self._arguments_received)
            if not self.instance.listening:
                self.instance.listen()

        self.links.deliver_to(self._dial_when_connected)
        self._closers.append(("phone links", self._stop_links))

        self._log_stage("pending wrap-ups")
        # The window is the client that runs wrap-ups; those nobody came back for in time
        # completed by themselves as it attached, and the rest return.
        session.attach_client()
        self._closers.append(("switchboard client", session.detach_client))
        for wrapup_session in session.pending_wrapups():
            window.open_wrapup(wrapup_session)

        await self._stage("connect", session.start())
        self.network = NetworkWatch(self._reconnect_now, window)
        problems = list(session.settings_problems)
        if problems:
            log.info("Settings incomplete (%d problems): opening Settings", len(problems))
            window.open_settings(first_run=True)
        if session.settings_notes:
            # Read with defaults in place of what was wrong: say so where it is seen.
            window.show_error(" ".join(words(note) for note in session.settings_notes))
        self._sync_start_at_login(session)
        if any(not argument.startswith("-") for argument in self._arguments):
            # A number given at launch is dialled once connected (the operator's phone is known then).
            self._dial_when_connected(self._arguments)

    def _arguments_received(self, arguments: list[str]) -> None:
        """What a later launch handed over: `--quit`, else a number or link to dial."""
        if QUIT_ARGUMENT in arguments:
            log.info("Another launch asked the switchboard to quit")
            self.request_quit(0)
        elif self.window is not None and not self.quit_requested.done():
            self.window.dial_targets(arguments)

    def _stop_links(self) -> None:
        qapp = QApplication.instance()
        if qapp is not None:
            qapp.removeEventFilter(self.links)

    def _reconnect_now(self, reason: Why) -> None:
        if self.session is not None and self.window is not None:
            self.window.tasks.run(self.session.reconnect_now(reason), key="reconnect-now")

    def _follow_settings(self, settings: Settings) -> None:
        muted = settings.mute_notifications
        if self.notifier is not None:
            self.notifier.muted = muted
        if self.tray is not None:
            self.tray.mute_action.setChecked(muted)

    def _sync_start_at_login(self, session: AppSession) -> None:
        """Start at login is the system's login item, not a setting: log what the system says
        and, when it is on in an installed build, rewrite it so that it starts this copy after a
        move or an update. It is never turned on or off here, and a run from a source checkout
        never takes it over from the installed app."""
        if self._start_at_login is None or session.demo:
            return
        from .autostart import AutostartError, start_at_login_is_on

        self._log_stage("start at login")
        on = start_at_login_is_on()
        log.info("Start at login is %s", "on" if on else "off")
        if not on or not self._installed:
            return
        try:
            self._start_at_login(True)
        except AutostartError as error:
            log.warning("%s", error)
            if self.window is not None:
                self.window.show_error(str(error))

    def _dial_when_connected(self, arguments: list[str]) -> None:
        assert self.window is not None
        window = self.window

        async def dial() -> None:
            assert self.session is not None
            await self.session.wait_connected()
            window.dial_targets(arguments)

        window.tasks.run(dial(), key="launch-dial")

    async def close(self) -> None:
        """Undo the stages in reverse; one failing stage does not keep the others open."""
        if self.window is not None:
            await self.window.tasks.cancel_all()
        while self._closers:
            name, closer = self._closers.pop()
            log.info("Closing: %s", name)
            try:
                result = closer()
                if asyncio.iscoroutine(result):
                    await result
            except Exception:
                log.exception("Closing %s failed", name)
        log.info("Closed")

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.hide_to_tray = False
            self.window.hide()  # the wrap-up panel goes with it
            self.window.shut_down()
            self.window.deleteLater()

    async def _stage[T](self, name: str, awaitable: Awaitable[T]) -> T:
        self._log_stage(name)
        return await awaitable

    @staticmethod
    def _log_stage(name: str) -> None:
        log.info("Starting: %s", name)

    @staticmethod
    def _install_language(session: AppSession, language: str | None = None) -> None:
        """The language asked for at launch, else the setting's (empty: the system's)."""
        if language is None:
            language = session.settings.language.value if session.settings is not None else ""
        try:
            from .ui.i18n import install_translators
        except ImportError:
            return
        installed = install_translators(language)
        log.info("Language: %s", installed)


async def _run(app: SwitchboardApp, exit_when_connected: bool) -> int:
    try:
        await app.boot()
        if exit_when_connected and app.session is not None:
            connected = asyncio.ensure_future(app.session.wait_connected())
            waiting: set[asyncio.Future[Any]] = {connected, app.quit_requested}
            await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            if connected.done():
                app.request_quit(0)
            connected.cancel()
        return await app.quit_requested
    finally:
        await app.close()


def _qt_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qapp = QApplication([sys.argv[0] if sys.argv else "konnekta-desktop", *argv])
    qapp.setApplicationName("konnekta-desktop")
    qapp.setApplicationDisplayName(APP_NAME)
    qapp.setOrganizationName("konnekta-desktop")
    qapp.setWindowIcon(app_icon())
    # The tray or the window decides when to quit (see SwitchboardApp), not the last window.
    qapp.setQuitOnLastWindowClosed(False)
    return qapp


def run_gui(
    session_factory: SessionFactory | LaunchOptions,
    argv: Sequence[str] = (),
    *,
    config_dir: Path | None = None,
    demo: bool = False,
    exit_when_connected: bool = False,
    open_links: bool | None = None,
) -> int:
    """Run the switchboard until the operator quits; returns the exit status.

    `session_factory` builds the session (no network yet); `argv` are the launch arguments (a
    number, tel: or callto: link to dial). A `runtime.LaunchOptions` is also accepted in place of
    the factory, as the command line passes one. `open_links` follows links opened as file-open
    events (default: on macOS only).
    """
    from .autostart import apply_start_at_login
    from .runtime import (
        LaunchOptions,
        app_paths,
        configured_connector,
        open_remote_session,
        open_session,
    )

    if isinstance(session_factory, LaunchOptions):
        options = session_factory
        argv = [options.target] if options.target else list(argv)
        config_dir = app_paths(options).config_dir
        demo = options.demo
        exit_when_connected = options.exit_when_connected

        async def factory() -> AppSession:
            connect = options.connect or configured_connector(options)
            if connect is not None:  # the company connector's switchboard
                return open_remote_session(dataclasses.replace(options, connect=connect))
            # Incomplete settings open the window and Settings, rather than stopping the app.
            return await open_session(options, strict=False)

        session_factory = factory

    qapp = _qt_application([])
    # The link that made macOS launch the app arrives in Qt's first pass of the event loop, before
    # the switchboard exists: listen for it from here on.
    links = LinkOpener.listen(qapp) if _follows_links(open_links) else None
    folder = config_dir or _default_config_dir()
    instance = SingleInstance(instance_key(folder, demo=demo))
    if instance.hand_off(list(argv)):
        log.info("Another switchboard is running; handed it %s", list(argv) or "nothing")
        return 0
    instance.listen()

    try:
        with asyncio.Runner(loop_factory=qasync.QEventLoop) as runner:
            app = runner.run(
                _make_app(
                    session_factory,
                    instance,
                    argv,
                    start_at_login=apply_start_at_login,
                    links=links,
                )
            )
            _quit_on_signals(app)
            return runner.run(_run(app, exit_when_connected))
    except WentWrong as problem:
        # A damaged or locked data file, a folder that cannot be written, a full disk: a window
        # that says what is wrong and what to do, never a traceback.
        log.error("Cannot start: %s", problem)
        say_cannot_start(problem.why)
        return 2
    finally:
        instance.close()
        if links is not None:
            qapp.removeEventFilter(links)
        qapp.processEvents()


def say_cannot_start(why: Why) -> None:
    """Tell the operator, in a window, why the switchboard cannot start and what to do (in the
    system's language: the settings may not have been read)."""
    from .ui.i18n import install_translators

    install_translators("")
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, words(why))
    box.setObjectName("cannotStart")
    box.setWindowTitle(QCoreApplication.translate("Tray", "Konnekta Desktop cannot start"))
    box.exec()


async def _make_app(
    factory: SessionFactory,
    instance: SingleInstance,
    argv: Sequence[str],
    *,
    start_at_login: Callable[[bool], None] | None = None,
    links: LinkOpener | None = None,
) -> SwitchboardApp:
    return SwitchboardApp(
        factory, instance=instance, arguments=argv, start_at_login=start_at_login, links=links
    )


def _follows_links(open_links: bool | None) -> bool:
    """Whether to follow links opened as file-open events: asked for, or on macOS."""
    return open_links if open_links is not None else sys.platform == "darwin"


def _quit_on_signals(app: SwitchboardApp) -> None:
    """Ctrl+C and SIGTERM quit cleanly; Qt's loop gives Python a moment to see signals."""

    def handler(_signum: int, _frame: FrameType | None) -> None:
        app.quit_requested.get_loop().call_soon_threadsafe(app.request_quit, 0)

    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signum, handler)
    timer = QTimer()
    timer.setInterval(300)
    timer.timeout.connect(lambda: None)
    timer.start()
    app.keep_alive.append(timer)


def _default_config_dir() -> Path:
    from .settings import AppPaths

    return AppPaths.default().config_dir
