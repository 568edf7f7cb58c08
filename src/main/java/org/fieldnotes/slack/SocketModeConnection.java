package org.fieldnotes.slack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Receives Slack events over a WebSocket (Socket Mode) instead of HTTP: no public URL needed, so it suits local
 * development and firewalled installs. Connects when the application starts, disconnects when it stops.
 */
class SocketModeConnection implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);

	private final String appToken;
	private final App app;
	private SocketModeApp socket;

	SocketModeConnection(String appToken, App app) {
		this.appToken = appToken;
		this.app = app;
	}

	@Override
	public void start() {
		try {
			socket = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
			socket.startAsync();
			log.info("Slack Socket Mode connection started");
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not start Slack Socket Mode (check SLACK_APP_TOKEN): "
					+ e.getClass().getSimpleName(), e);
		}
	}

	@Override
	public void stop() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (Exception e) {
				log.warn("Socket Mode did not close cleanly: {}", e.getClass().getSimpleName());
			}
			socket = null;
		}
	}

	@Override
	public boolean isRunning() {
		return socket != null;
	}
}
