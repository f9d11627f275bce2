"""MQTT: readings from and to a broker (Mosquitto, EMQX or any other), through paho-mqtt."""
